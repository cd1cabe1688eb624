import {
  AppError,
  canInSchool,
  ROLE_LABELS,
  isStaffRole,
  type Actor,
  type StaffCheckinsResponse,
  type TalkRequest,
  type TalkRequestsResponse,
  type TrustedAdultResponse,
} from '@tandem/core';
import { and, eq, isNull } from 'drizzle-orm';
import { checkins, roleAssignments, users } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName } from '../../platform/directory';
import { mayOpenCase, requireCaseAccess } from '../../platform/case-access';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { checkinsOf, loadCheckin, setTrustedAdult, talkRequestsFor, chosenTrustedAdult } from '../checkins.queries';
import { talkToFor } from '../talk-to';

/** Leads see every talk request in the school; anyone else those sent to them. */
function isLead(actor: Actor, schoolId: string): boolean {
  return canInSchool(actor, 'pupil.manageCaseTeam', schoolId);
}

/** What a note that opened the urgent route reads as outside the DSL team: its words are in the restricted record. */
const PASSED_TO_DSL = 'This note was passed to the safeguarding team.';

function noteFor(actor: Actor, schoolId: string, c: { note: string; riskConcernId: string | null }): string {
  return c.riskConcernId && !canInSchool(actor, 'safeguarding.read', schoolId) ? PASSED_TO_DSL : c.note;
}

type TalkRow = Awaited<ReturnType<typeof talkRequestsFor>>[number];

function talkRequest(actor: Actor, schoolId: string, r: TalkRow): TalkRequest {
  return {
    checkinId: r.c.id,
    pupilId: r.pupil.id,
    pupilName: pupilName(r.pupil),
    form: r.pupil.form,
    at: r.c.createdAt.toISOString(),
    mood: r.c.mood,
    note: noteFor(actor, schoolId, r.c),
    talkToName: r.talkToName,
    escalated: r.c.escalatedAt !== null,
    acknowledgedAt: r.c.acknowledgedAt ? r.c.acknowledgedAt.toISOString() : null,
    acknowledgedByName: r.ackName,
  };
}

/** Pupils who would like to talk: those sent to this person (every one, for the lead). Audited. */
export async function listTalkRequests(deps: AppDeps, at: SchoolRequest): Promise<TalkRequestsResponse> {
  return inSchool(deps, at, 'member', async (s) => {
    if (!s.actor.assignments.some((a) => a.schoolId === s.schoolId && isStaffRole(a.role))) {
      throw new AppError('forbidden', 'staff only');
    }
    const rows = await talkRequestsFor(
      s.tx,
      s.schoolId,
      s.actor.userId,
      isLead(s.actor, s.schoolId),
      new Date(s.now.getTime() - 14 * 86_400_000),
    );
    const all = rows.map((r) => talkRequest(s.actor, s.schoolId, r));
    await s.audit({ action: 'checkin.viewed', detail: { pupilId: null } });
    return {
      waiting: all.filter((r) => !r.acknowledgedAt),
      recent: all
        .filter((r) => r.acknowledgedAt)
        .sort((a, b) => (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? '')),
    };
  });
}

/** The trusted adult (or the lead) acknowledges: the pupil sees it was read. */
export async function acknowledgeTalk(deps: AppDeps, at: SchoolRequest, checkinId: string): Promise<TalkRequest> {
  return inSchool(deps, at, 'member', async (s) => {
    const c = await loadCheckin(s.tx, s.schoolId, checkinId);
    const mayAck =
      c?.wantsToTalk &&
      (c.talkToUserId === s.actor.userId ||
        isLead(s.actor, s.schoolId) ||
        canInSchool(s.actor, 'concern.triage', s.schoolId));
    if (!c || !mayAck) throw new AppError('not_found', 'talk request not found');
    if (!c.acknowledgedAt) {
      await s.tx
        .update(checkins)
        .set({ acknowledgedAt: s.now, acknowledgedBy: s.actor.userId })
        .where(and(eq(checkins.id, checkinId), isNull(checkins.acknowledgedAt)));
      await s.audit({ action: 'checkin.acknowledged', detail: {} }, { type: 'checkin', id: checkinId });
    }
    const rows = await talkRequestsFor(s.tx, s.schoolId, s.actor.userId, true, new Date(0));
    const row = rows.find((r) => r.c.id === checkinId);
    if (!row) throw new AppError('not_found', 'talk request not found');
    return talkRequest(s.actor, s.schoolId, row);
  });
}

/** A pupil's check-ins for case roles in scope, and for the adult their talk requests go to. Audited. */
export async function staffCheckins(deps: AppDeps, at: SchoolRequest, pupilId: string): Promise<StaffCheckinsResponse> {
  return inSchool(deps, at, 'member', async (s) => {
    const pupil = await loadPupilInSchool(s.tx, s.schoolId, pupilId);
    const talkTo = await talkToFor(s.tx, s.schoolId, pupil);
    const allowed = (await mayOpenCase(s.tx, s.actor, s.schoolId, pupilId)) || talkTo?.userId === s.actor.userId;
    if (!allowed) throw new AppError('not_found', 'pupil not found');
    const rows = await checkinsOf(s.tx, s.schoolId, pupilId, new Date(s.now.getTime() - 365 * 86_400_000), 200);
    await s.audit({ action: 'checkin.viewed', detail: { pupilId } }, { type: 'pupil', id: pupilId });
    return {
      checkins: rows.map(({ c, ackName }) => ({
        id: c.id,
        at: c.createdAt.toISOString(),
        mood: c.mood,
        note: noteFor(s.actor, s.schoolId, c),
        wantsToTalk: c.wantsToTalk,
        readAt: c.acknowledgedAt ? c.acknowledgedAt.toISOString() : null,
        acknowledgedByName: ackName,
        escalated: c.escalatedAt !== null,
        riskRaised: c.riskConcernId !== null,
      })),
    };
  });
}

async function trustedAdultView(
  s: { tx: Parameters<typeof talkToFor>[0]; schoolId: string },
  pupil: { id: string; form: string },
): Promise<TrustedAdultResponse> {
  const chosen = await chosenTrustedAdult(s.tx, s.schoolId, pupil.id);
  const effective = await talkToFor(s.tx, s.schoolId, pupil);
  const staff = await s.tx
    .select({ userId: users.id, name: users.displayName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.schoolId, s.schoolId), isNull(roleAssignments.revokedAt), isNull(users.disabledAt)));
  const candidates = new Map<string, { userId: string; name: string; roleLabel: string }>();
  for (const r of staff) {
    if (!isStaffRole(r.role) || candidates.has(r.userId)) continue;
    candidates.set(r.userId, { userId: r.userId, name: r.name, roleLabel: ROLE_LABELS[r.role] });
  }
  return {
    chosen: chosen ? { userId: chosen.userId, name: chosen.name } : null,
    effective: effective ? { userId: effective.userId, name: effective.name, why: effective.why } : null,
    candidates: [...candidates.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function getTrustedAdult(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
): Promise<TrustedAdultResponse> {
  return inSchool(deps, at, 'pupil.readCase', async (s) => {
    const pupil = await requireCaseAccess(s.tx, s.actor, s.schoolId, pupilId);
    return trustedAdultView(s, pupil);
  });
}

/** The lead chooses the member of staff a pupil's "talk to someone" goes to. Audited. */
export async function chooseTrustedAdult(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
  userId: string,
): Promise<TrustedAdultResponse> {
  return inSchool(deps, at, 'pupil.manageCaseTeam', async (s) => {
    const pupil = await requireCaseAccess(s.tx, s.actor, s.schoolId, pupilId);
    const view = await trustedAdultView(s, pupil);
    if (!view.candidates.some((c) => c.userId === userId)) {
      throw new AppError('bad_request', 'not staff', {
        userMessage: 'Choose a member of staff at this school',
        fields: [{ path: 'userId', message: 'Choose a member of staff at this school' }],
      });
    }
    await setTrustedAdult(s.tx, { schoolId: s.schoolId, pupilId, userId, by: s.actor.userId, at: s.now });
    await s.audit({ action: 'family.trusted_adult_set', detail: { userId } }, { type: 'pupil', id: pupilId });
    return trustedAdultView(s, pupil);
  });
}
