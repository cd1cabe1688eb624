import {
  AppError,
  type Actor,
  type FamilyMeResponse,
  type ParentChildParts,
  type ParentChildView,
  type PartnershipResponse,
  type FamilyService,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { FAMILY_PORTALS, familyReaderFor } from '../../platform/family-access';
import { inSchool, readInSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import type { FamilyReader } from '../../platform/registries';
import {
  childrenOfParent,
  childSummary,
  confirmationsOf,
  emailNewsOf,
  messagePart,
  messagesOf,
  pupilOfAccount,
} from '../family.queries';
import { settingsOf } from '../family.settings';

/** Who this account is in the portals, and the children it sees (a pupil sees only themself). */
export async function familyMe(deps: AppDeps, actor: Actor): Promise<FamilyMeResponse> {
  const db = deps.database.db;
  const parentSchools = actor.assignments
    .filter((a) => a.role === 'parent' && a.schoolId)
    .map((a) => a.schoolId as string);
  const pupilSchools = actor.assignments
    .filter((a) => a.role === 'pupil' && a.schoolId)
    .map((a) => a.schoolId as string);
  if (pupilSchools.length > 0) {
    return {
      kind: 'pupil',
      displayName: actor.displayName,
      children: await pupilOfAccount(db, actor.userId, pupilSchools),
      emailNews: false,
    };
  }
  if (parentSchools.length > 0) {
    return {
      kind: 'parent',
      displayName: actor.displayName,
      children: await childrenOfParent(db, actor.userId, parentSchools),
      emailNews: await emailNewsOf(db, actor.userId),
    };
  }
  throw new AppError('not_found', 'not a family account');
}

const EMPTY: ParentChildParts = {
  level: null,
  plans: [],
  meetings: [],
  interventions: [],
  referrals: [],
  questionnaires: [],
  letters: [],
  supportOffers: [],
  reducedTimetables: [],
  welfareVisits: [],
};

/** Every feature's part of what a parent sees of this child, merged (each source applies its own rule). */
export async function parentParts(work: SchoolWork, reader: FamilyReader): Promise<ParentChildParts> {
  const merged: ParentChildParts = { ...EMPTY };
  // One after another: they share the transaction's one connection.
  for (const source of work.deps.registries.familyView) {
    const p = source.forParent ? await source.forParent(work.tx, reader) : undefined;
    if (!p) continue;
    for (const key of Object.keys(p) as (keyof ParentChildParts)[]) {
      const v = p[key];
      if (v === undefined) continue;
      if (key === 'level') merged.level = v as ParentChildParts['level'];
      else (merged[key] as unknown[]) = [...(merged[key] as unknown[]), ...(v as unknown[])];
    }
  }
  return merged;
}

/** A parent's reader for the child, or 404 (a pupil never reads the parent view). */
export async function parentReader(work: SchoolWork, pupilId: string): Promise<FamilyReader> {
  const reader = await familyReaderFor(work, pupilId);
  if (reader.as !== 'parent') throw new AppError('not_found', 'child not found');
  return reader;
}

/** What a parent sees of one child: only what the school shares with home. Audited. */
export async function parentChildView(deps: AppDeps, at: SchoolRequest, pupilId: string): Promise<ParentChildView> {
  return inSchool(deps, at, FAMILY_PORTALS, async (work) => {
    const reader = await parentReader(work, pupilId);
    const parts = await parentParts(work, reader);
    const confirmed = await confirmationsOf(work.tx, work.schoolId, pupilId, work.actor.userId);
    const plans = parts.plans.map((p) => ({ ...p, readAt: iso(confirmed.get(`plan:${p.id}:${p.version}`)) }));
    const letters = parts.letters.map((l) => ({ ...l, readAt: iso(confirmed.get(`letter:${l.id}:0`)) }));
    const messages = await messagesWithState(work, pupilId);
    // The reader check above has already decided this parent may see the child.
    const child = await childSummary(work.tx, work.schoolId, pupilId);
    if (!child) throw new AppError('not_found', 'child not found');
    await work.audit(
      { action: 'family.child_viewed', detail: { as: 'parent', part: 'child' } },
      { type: 'pupil', id: pupilId },
    );
    return { ...parts, plans, letters, messages, child };
  });
}

async function messagesWithState(work: SchoolWork, pupilId: string) {
  const rows = await messagesOf(work.tx, work.schoolId, pupilId, work.actor.userId);
  const req = work.deps.registries.familyRequests;
  const concernIds = rows.flatMap((m) => (m.concernId ? [m.concernId] : []));
  const placeIds = rows.flatMap((m) => (m.placeId ? [m.placeId] : []));
  const [concernRead, placeRead] = await Promise.all([
    concernIds.length ? req.concernsRead(work.tx, work.schoolId, concernIds) : new Map<string, Date>(),
    placeIds.length ? req.placesRead(work.tx, work.schoolId, placeIds) : new Map<string, Date>(),
  ]);
  return rows.map((m) =>
    messagePart(
      m,
      (m.concernId ? concernRead.get(m.concernId) : undefined) ?? (m.placeId ? placeRead.get(m.placeId) : undefined),
      m.kind === 'support' ? (m.interventionName ?? null) : null,
    ),
  );
}

function iso(d: Date | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** The school's partnership statement, for its parents and pupils. */
export async function partnership(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>): Promise<PartnershipResponse> {
  return readInSchool(deps, at, ['portal.parent', 'portal.pupil'], async (r) => ({
    schoolName: await schoolNameOf(r.db, r.schoolId),
    statement: (await settingsOf(r.db, r.schoolId)).partnership,
  }));
}

/** Services that can help, from the school's directory: for parents, or for a pupil, for young people. */
export async function familyServices(
  deps: AppDeps,
  at: Omit<SchoolRequest, 'ip'>,
): Promise<{ services: FamilyService[] }> {
  return readInSchool(deps, at, ['portal.parent', 'portal.pupil'], async (r) => {
    const audience = r.actor.assignments.some((a) => a.schoolId === r.schoolId && a.role === 'pupil')
      ? 'pupils'
      : 'parents';
    return { services: await deps.registries.familyDirectory.services(r.db, { schoolId: r.schoolId, audience }) };
  });
}
