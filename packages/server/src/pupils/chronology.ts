/**
 * The pupil's chronology: everything recorded about the pupil, merged in time order, newest first,
 * filtered by the reader's rights before it is merged. Case roles read it. Concerns in the
 * restricted safeguarding record, and everything on them (additions, actions, corrections,
 * closure), are read only by the DSL team: for anyone else they are left out in the query itself, so
 * no entry, count or gap gives them away. Every read and every export is audited.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  AppError,
  AGREEMENT_HOW_LABELS,
  CONCERN_OUTCOME_LABELS,
  MEETING_KIND_LABELS,
  PLAN_KIND_LABELS,
  canInSchool,
  isLevelCode,
  type Actor,
  type AgreementHow,
  type AuditEvent,
  type MeetingKind,
  type PlanKind,
  type ChronologyEntry,
} from '@tandem/core';
import {
  concernActions,
  concernAddenda,
  concernCorrections,
  concernPupils,
  concerns,
  levelChanges,
  meetingActions,
  meetings,
  planAgreements,
  planReviews,
  plans,
  planVersions,
  levelShares,
  pupilDetailChanges,
  pupils,
  users,
} from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendSchoolAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';
import { schoolNameOf } from '../schools/schools.queries';
import { isoDay } from '../levels/sharing.pdf';
import { renderChronology } from './chronology.pdf';

export type { ChronologyEntry };

type PupilRow = typeof pupils.$inferSelect;

const FIELD_LABELS: Record<string, string> = {
  preferredName: 'preferred name',
  form: 'form',
  send: 'SEND',
  pupilPremium: 'pupil premium',
  lookedAfter: 'looked after',
  childInNeed: 'child in need',
  youngCarer: 'young carer',
  eal: 'EAL',
};

const CONCERN_FIELD_LABELS: Record<string, string> = {
  category: 'category',
  occurredAt: 'date and time',
  pupils: 'pupils it is about',
};

const TOLD_HOW: Record<string, string> = {
  in_person: 'in person',
  phone: 'by phone',
  letter: 'by letter',
  email: 'by e-mail',
  meeting: 'at a meeting',
};

const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A calendar date stored as YYYY-MM-DD, e.g. "22 Nov 2026". */
const calendarDay = (isoDate: string): string => DAY.format(new Date(`${isoDate}T00:00:00Z`));

const outcomeLabel = (o: string | null) =>
  o && o in CONCERN_OUTCOME_LABELS ? CONCERN_OUTCOME_LABELS[o as keyof typeof CONCERN_OUTCOME_LABELS] : 'no outcome';

async function loadPupil(db: DbOrTx, schoolId: string, pupilId: string): Promise<PupilRow> {
  const [pupil] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
  if (!pupil) throw new AppError('not_found', 'pupil not found');
  return pupil;
}

/** The entries about the pupil's concerns that this reader may see. */
async function concernEntries(
  tx: DbOrTx,
  schoolId: string,
  pupilId: string,
  seeRestricted: boolean,
): Promise<ChronologyEntry[]> {
  const aboutPupil: SQL = and(
    eq(concerns.schoolId, schoolId),
    eq(concernPupils.schoolId, schoolId),
    eq(concernPupils.pupilId, pupilId),
    seeRestricted ? undefined : eq(concerns.restricted, false),
  ) as SQL;
  const visible = tx
    .select({ id: concerns.id })
    .from(concerns)
    .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
    .where(aboutPupil);

  const logger = alias(users, 'logger');
  const acker = alias(users, 'acker');
  const escalator = alias(users, 'escalator');
  const closer = alias(users, 'closer');
  const teller = alias(users, 'teller');
  const rows = await tx
    .select({
      id: concerns.id,
      reference: concerns.reference,
      loggedAt: concerns.loggedAt,
      occurredAt: concerns.occurredAt,
      location: concerns.location,
      account: concerns.account,
      pupilWords: concerns.pupilWords,
      urgent: concerns.urgent,
      restricted: concerns.restricted,
      acknowledgedAt: concerns.acknowledgedAt,
      escalatedToDslAt: concerns.escalatedToDslAt,
      closedAt: concerns.closedAt,
      outcome: concerns.outcome,
      outcomeNote: concerns.outcomeNote,
      parentsToldAt: concerns.parentsToldAt,
      parentsToldHow: concerns.parentsToldHow,
      loggerName: logger.displayName,
      ackName: acker.displayName,
      escalatorName: escalator.displayName,
      closerName: closer.displayName,
      tellerName: teller.displayName,
    })
    .from(concerns)
    .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
    .innerJoin(logger, eq(logger.id, concerns.loggedBy))
    .leftJoin(acker, eq(acker.id, concerns.acknowledgedBy))
    .leftJoin(escalator, eq(escalator.id, concerns.escalatedToDslBy))
    .leftJoin(closer, eq(closer.id, concerns.closedBy))
    .leftJoin(teller, eq(teller.id, concerns.parentsToldBy))
    .where(aboutPupil);
  if (rows.length === 0) return [];

  const byConcern = new Map(rows.map((c) => [c.id, c]));
  const tag = (concernId: string) => {
    const c = byConcern.get(concernId);
    return { concernId, reference: c?.reference ?? '', urgent: c?.urgent ?? false, restricted: c?.restricted ?? false };
  };
  const entries: ChronologyEntry[] = [];
  for (const c of rows) {
    const t = tag(c.id);
    const detail = [
      c.account,
      c.pupilWords ? `In the pupil's words: "${c.pupilWords}"` : null,
      `Happened ${WHEN.format(c.occurredAt)}, ${c.location}.`,
    ].filter((l): l is string => l !== null);
    entries.push({
      id: c.id,
      kind: 'concern_logged',
      at: c.loggedAt.toISOString(),
      title: `${c.urgent ? 'Urgent concern' : 'Concern'} logged by ${c.loggerName} (${c.reference})`,
      detail: detail.join('\n'),
      byName: c.loggerName,
      ...t,
    });
    if (c.acknowledgedAt) {
      entries.push({
        id: `${c.id}-acknowledged`,
        kind: 'concern_acknowledged',
        at: c.acknowledgedAt.toISOString(),
        title: `Concern ${c.reference} acknowledged`,
        detail: null,
        byName: c.ackName,
        ...t,
      });
    }
    if (c.escalatedToDslAt) {
      entries.push({
        id: `${c.id}-escalated`,
        kind: 'concern_escalated',
        at: c.escalatedToDslAt.toISOString(),
        title: `Concern ${c.reference} passed to the DSL team`,
        detail: null,
        byName: c.escalatorName,
        ...t,
      });
    }
    if (c.closedAt) {
      entries.push({
        id: `${c.id}-closed`,
        kind: 'concern_closed',
        at: c.closedAt.toISOString(),
        title: `Concern ${c.reference} closed: ${outcomeLabel(c.outcome)}`,
        detail: c.outcomeNote,
        byName: c.closerName,
        ...t,
      });
    }
    if (c.parentsToldAt) {
      entries.push({
        id: `${c.id}-parents-told`,
        kind: 'parents_told',
        at: c.parentsToldAt.toISOString(),
        title: [`Parents told`, TOLD_HOW[c.parentsToldHow ?? ''], `about concern ${c.reference}`]
          .filter(Boolean)
          .join(' '),
        detail: null,
        byName: c.tellerName,
        ...t,
      });
    }
  }

  const addenda = await tx
    .select({ a: concernAddenda, by: users.displayName })
    .from(concernAddenda)
    .innerJoin(users, eq(users.id, concernAddenda.addedBy))
    .where(and(eq(concernAddenda.schoolId, schoolId), inArray(concernAddenda.concernId, visible)));
  for (const { a, by } of addenda) {
    const t = tag(a.concernId);
    entries.push({
      id: a.id,
      kind: 'concern_addendum',
      at: a.addedAt.toISOString(),
      title: `Added to concern ${t.reference}: ${a.reason}`,
      detail: a.text,
      byName: by,
      ...t,
    });
  }

  const owner = alias(users, 'owner');
  const creator = alias(users, 'creator');
  const completer = alias(users, 'completer');
  const actions = await tx
    .select({
      a: concernActions,
      owner: owner.displayName,
      creator: creator.displayName,
      completer: completer.displayName,
    })
    .from(concernActions)
    .innerJoin(owner, eq(owner.id, concernActions.ownerUserId))
    .innerJoin(creator, eq(creator.id, concernActions.createdBy))
    .leftJoin(completer, eq(completer.id, concernActions.completedBy))
    .where(and(eq(concernActions.schoolId, schoolId), inArray(concernActions.concernId, visible)));
  for (const { a, owner: ownerName, creator: creatorName, completer: completerName } of actions) {
    const t = tag(a.concernId);
    entries.push({
      id: `${a.id}-added`,
      kind: 'concern_action_added',
      at: a.createdAt.toISOString(),
      title: `Action agreed on concern ${t.reference}: ${a.description}`,
      detail: `For ${ownerName}, due ${calendarDay(a.dueOn)}`,
      byName: creatorName,
      ...t,
    });
    if (a.completedAt) {
      entries.push({
        id: `${a.id}-completed`,
        kind: 'concern_action_completed',
        at: a.completedAt.toISOString(),
        title: `Action completed: ${a.description}`,
        detail: a.completionNote,
        byName: completerName,
        ...t,
      });
    }
  }

  const corrections = await tx
    .select({ c: concernCorrections, by: users.displayName })
    .from(concernCorrections)
    .innerJoin(users, eq(users.id, concernCorrections.changedBy))
    .where(and(eq(concernCorrections.schoolId, schoolId), inArray(concernCorrections.concernId, visible)));
  for (const { c, by } of corrections) {
    const t = tag(c.concernId);
    entries.push({
      id: c.id,
      kind: 'concern_corrected',
      at: c.changedAt.toISOString(),
      title:
        c.field === 'restricted'
          ? `Concern ${t.reference} moved to the safeguarding record`
          : `Concern ${t.reference} corrected: ${CONCERN_FIELD_LABELS[c.field] ?? c.field}`,
      detail: c.reason,
      byName: by,
      ...t,
    });
  }
  return entries;
}

/** Level changes, termly sharing, corrections of details, joining and leaving. */
async function pupilEntries(tx: DbOrTx, schoolId: string, pupil: PupilRow): Promise<ChronologyEntry[]> {
  const pupilId = pupil.id;
  const changes = await tx
    .select({ c: levelChanges, by: users.displayName })
    .from(levelChanges)
    .innerJoin(users, eq(users.id, levelChanges.changedBy))
    .where(and(eq(levelChanges.schoolId, schoolId), eq(levelChanges.pupilId, pupilId)));
  const shares = await tx
    .select({ s: levelShares, by: users.displayName })
    .from(levelShares)
    .innerJoin(users, eq(users.id, levelShares.sharedBy))
    .where(
      and(
        eq(levelShares.schoolId, schoolId),
        eq(levelShares.pupilId, pupilId),
        inArray(levelShares.audience, ['parents', 'staff']),
      ),
    );
  const corrections = await tx
    .select({ c: pupilDetailChanges, by: users.displayName })
    .from(pupilDetailChanges)
    .innerJoin(users, eq(users.id, pupilDetailChanges.changedBy))
    .where(and(eq(pupilDetailChanges.schoolId, schoolId), eq(pupilDetailChanges.pupilId, pupilId)));
  const label = (l: string | null) => l ?? 'Thriving';
  return [
    ...changes.map(({ c, by }) => ({
      id: c.id,
      kind: 'level_change',
      at: c.changedAt.toISOString(),
      title: `Level changed from ${label(c.fromLevel)} to ${label(c.toLevel)}`,
      detail: c.reason,
      byName: by,
    })),
    ...shares.map(({ s, by }) => ({
      id: s.id,
      kind: s.audience === 'parents' ? 'shared_with_parents' : 'shared_with_staff',
      at: s.sharedAt.toISOString(),
      title:
        s.audience === 'parents'
          ? `Level (${label(s.level)}) shared with parents by letter`
          : `Level (${label(s.level)}) shared with staff`,
      detail: null,
      byName: by,
    })),
    ...corrections.map(({ c, by }) => ({
      id: c.id,
      kind: 'details_corrected',
      at: c.changedAt.toISOString(),
      title: `Details corrected: ${Object.keys(c.changes)
        .map((f) => FIELD_LABELS[f] ?? f)
        .join(', ')}`,
      detail: c.reason,
      byName: by,
    })),
    {
      id: `joined-${pupil.id}`,
      kind: 'pupil_joined',
      at: pupil.createdAt.toISOString(),
      title: 'Added to Tandem',
      detail: null,
      byName: null,
    },
    ...(pupil.leftOn
      ? [
          {
            id: `left-${pupil.id}`,
            kind: 'pupil_left',
            at: `${pupil.leftOn}T00:00:00.000Z`,
            title: 'Left the school',
            detail: null,
            byName: null,
          },
        ]
      : []),
  ];
}

/** Plans (written, changed, agreed, reviewed, ended) and meetings with their next steps. */
async function planAndMeetingEntries(tx: DbOrTx, schoolId: string, pupilId: string): Promise<ChronologyEntry[]> {
  const entries: ChronologyEntry[] = [];
  const planRows = await tx
    .select({
      id: plans.id,
      kind: plans.kind,
      endedAt: plans.endedAt,
      endedReason: plans.endedReason,
      endedBy: plans.endedBy,
    })
    .from(plans)
    .where(and(eq(plans.schoolId, schoolId), eq(plans.pupilId, pupilId)));
  if (planRows.length > 0) {
    const byPlan = new Map(planRows.map((p) => [p.id, p]));
    const label = (planId: string) => PLAN_KIND_LABELS[(byPlan.get(planId)?.kind ?? 'care') as PlanKind];
    const ids = planRows.map((p) => p.id);
    const author = alias(users, 'author');
    const agreer = alias(users, 'agreer');
    const versions = await tx
      .select({ v: planVersions, by: author.displayName, agreedByName: agreer.displayName })
      .from(planVersions)
      .innerJoin(author, eq(author.id, planVersions.createdBy))
      .leftJoin(agreer, eq(agreer.id, planVersions.agreedBy))
      .where(and(eq(planVersions.schoolId, schoolId), inArray(planVersions.planId, ids)));
    for (const { v, by, agreedByName } of versions) {
      entries.push({
        id: `${v.planId}-v${v.version}`,
        kind: v.version === 1 ? 'plan_written' : 'plan_revised',
        at: v.createdAt.toISOString(),
        title: v.version === 1 ? `${label(v.planId)} written` : `${label(v.planId)} changed (version ${v.version})`,
        detail: v.reason,
        byName: by,
        planId: v.planId,
      });
      if (v.agreedAt) {
        entries.push({
          id: `${v.planId}-v${v.version}-agreed`,
          kind: 'plan_agreed',
          at: v.agreedAt.toISOString(),
          title: `${label(v.planId)} agreed (version ${v.version})`,
          detail: null,
          byName: agreedByName,
          planId: v.planId,
        });
      }
    }
    const agreements = await tx
      .select({ a: planAgreements, by: users.displayName })
      .from(planAgreements)
      .innerJoin(users, eq(users.id, planAgreements.recordedBy))
      .where(and(eq(planAgreements.schoolId, schoolId), inArray(planAgreements.planId, ids)));
    for (const { a, by } of agreements) {
      entries.push({
        id: a.id,
        kind: 'plan_agreement',
        at: a.recordedAt.toISOString(),
        title: `${a.name}${a.relationship ? ` (${a.relationship})` : ''} agreed to the ${label(a.planId).toLowerCase()}, version ${a.version}`,
        detail: `${AGREEMENT_HOW_LABELS[a.how as AgreementHow] ?? a.how}, ${calendarDay(a.agreedOn)}`,
        byName: by,
        planId: a.planId,
      });
    }
    const reviews = await tx
      .select({ r: planReviews, by: users.displayName })
      .from(planReviews)
      .innerJoin(users, eq(users.id, planReviews.recordedBy))
      .where(and(eq(planReviews.schoolId, schoolId), inArray(planReviews.planId, ids)));
    for (const { r, by } of reviews) {
      entries.push({
        id: r.id,
        kind: 'plan_reviewed',
        at: r.recordedAt.toISOString(),
        title: `${label(r.planId)} reviewed${r.safetyScale !== null ? `: safety scale ${r.safetyScale} of 10` : ''}`,
        detail: [
          `Done: ${r.whatWasDone}`,
          `Changed: ${r.whatChanged}`,
          `Next review ${calendarDay(r.nextReviewOn)}.`,
        ].join('\n'),
        byName: by,
        planId: r.planId,
      });
    }
    const enders = planRows.filter((p) => p.endedAt);
    if (enders.length > 0) {
      const names = new Map(
        (
          await tx
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(
              inArray(
                users.id,
                enders.map((p) => p.endedBy).filter((x): x is string => x !== null),
              ),
            )
        ).map((u) => [u.id, u.name]),
      );
      for (const p of enders) {
        entries.push({
          id: `${p.id}-ended`,
          kind: 'plan_ended',
          at: (p.endedAt as Date).toISOString(),
          title: `${label(p.id)} ended`,
          detail: p.endedReason,
          byName: p.endedBy ? (names.get(p.endedBy) ?? null) : null,
          planId: p.id,
        });
      }
    }
  }

  const meetingRows = await tx
    .select({ m: meetings, by: users.displayName })
    .from(meetings)
    .innerJoin(users, eq(users.id, meetings.createdBy))
    .where(and(eq(meetings.schoolId, schoolId), eq(meetings.pupilId, pupilId)));
  if (meetingRows.length === 0) return entries;
  // A meeting enters the chronology once it has been held; planned ones are on the meetings list.
  for (const { m, by } of meetingRows) {
    if (!m.completedAt) continue;
    const kindLabel = MEETING_KIND_LABELS[m.kind as MeetingKind] ?? 'Meeting';
    const who = m.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ');
    entries.push({
      id: m.id,
      kind: 'meeting_held',
      at: m.heldAt.toISOString(),
      title: `${kindLabel} held: ${m.place}`,
      detail:
        [who ? `Attended: ${who}` : null, m.aims ? `Aims: ${m.aims}` : null, m.notes || null]
          .filter((l): l is string => l !== null)
          .join('\n') || null,
      byName: by,
      meetingId: m.id,
    });
  }
  const held = meetingRows.filter(({ m }) => m.completedAt !== null);
  if (held.length === 0) return entries;
  const completer = alias(users, 'completer');
  const steps = await tx
    .select({ a: meetingActions, by: users.displayName, completer: completer.displayName })
    .from(meetingActions)
    .innerJoin(users, eq(users.id, meetingActions.createdBy))
    .leftJoin(completer, eq(completer.id, meetingActions.completedBy))
    .where(
      and(
        eq(meetingActions.schoolId, schoolId),
        inArray(
          meetingActions.meetingId,
          held.map(({ m }) => m.id),
        ),
      ),
    );
  for (const { a, by, completer: completerName } of steps) {
    entries.push({
      id: `${a.id}-agreed`,
      kind: 'next_step_agreed',
      at: a.createdAt.toISOString(),
      title: `Next step agreed: ${a.description}`,
      detail: `For ${a.ownerName}, due ${calendarDay(a.dueOn)}`,
      byName: by,
      meetingId: a.meetingId,
    });
    if (a.completedAt) {
      entries.push({
        id: `${a.id}-done`,
        kind: 'next_step_completed',
        at: a.completedAt.toISOString(),
        title: `Next step done: ${a.description}`,
        detail: a.completionNote,
        byName: completerName,
        meetingId: a.meetingId,
      });
    }
  }
  return entries;
}

/** For entries at the same moment: the order in which such things happen (later ones listed first). */
const KIND_ORDER: Record<string, number> = {
  pupil_joined: 0,
  concern_logged: 1,
  concern_acknowledged: 2,
  concern_escalated: 3,
  concern_addendum: 4,
  concern_corrected: 5,
  concern_action_added: 6,
  concern_action_completed: 7,
  parents_told: 8,
  concern_closed: 9,
  pupil_left: 10,
  meeting_held: 1,
  next_step_agreed: 2,
  next_step_completed: 3,
  plan_written: 1,
  plan_revised: 1,
  plan_agreement: 2,
  plan_agreed: 3,
  plan_reviewed: 4,
  plan_ended: 9,
};

/** Newest first; entries at the same moment in the order they happen, then a fixed order. */
function byTimeNewestFirst(a: ChronologyEntry, b: ChronologyEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  const rank = (KIND_ORDER[b.kind] ?? 5) - (KIND_ORDER[a.kind] ?? 5);
  if (rank !== 0) return rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every entry this reader may see, newest first. The caller has checked they may read the case. */
export async function chronologyEntries(
  tx: DbOrTx,
  actor: Actor,
  schoolId: string,
  pupil: PupilRow,
): Promise<ChronologyEntry[]> {
  const seeRestricted = canInSchool(actor, 'safeguarding.read', schoolId);
  const entries = [
    ...(await pupilEntries(tx, schoolId, pupil)),
    ...(await concernEntries(tx, schoolId, pupil.id, seeRestricted)),
    ...(await planAndMeetingEntries(tx, schoolId, pupil.id)),
  ];
  return entries.sort(byTimeNewestFirst);
}

async function auditPupil(
  tx: DbOrTx,
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  event: AuditEvent,
  ip: string,
) {
  await appendSchoolAudit(tx, deps.clock, event, {
    actor: actor,
    schoolId,
    subjectType: 'pupil',
    subjectId: pupilId,
    ip,
  });
}

/** The chronology on screen, for case roles. Audited. */
export async function getChronology(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  ip: string,
): Promise<ChronologyEntry[]> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  return deps.database.db.transaction(async (tx) => {
    const pupil = await loadPupil(tx, schoolId, pupilId);
    requireSchoolPermission(actor, schoolId, 'pupil.readCase');
    const entries = await chronologyEntries(tx, actor, schoolId, pupil);
    await auditPupil(
      tx,
      deps,
      actor,
      schoolId,
      pupilId,
      { action: 'pupil.chronology_viewed', detail: { format: 'screen' } },
      ip,
    );
    return entries;
  });
}

/** The chronology as a confidential PDF, with the same filtering as on screen. Audited as an export. */
export async function exportChronologyPdf(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  ip: string,
): Promise<{ pdf: Buffer; filename: string }> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  const loaded = await deps.database.db.transaction(async (tx) => {
    const pupil = await loadPupil(tx, schoolId, pupilId);
    requireSchoolPermission(actor, schoolId, 'pupil.readCase');
    const entries = await chronologyEntries(tx, actor, schoolId, pupil);
    const schoolName = await schoolNameOf(tx, schoolId);
    await auditPupil(
      tx,
      deps,
      actor,
      schoolId,
      pupilId,
      { action: 'pupil.chronology_exported', detail: { entries: entries.length } },
      ip,
    );
    return { pupil, entries, schoolName };
  });
  const { pupil, entries, schoolName } = loaded;
  const now = deps.clock.now();
  const pdf = await renderChronology({
    schoolName,
    date: now,
    preparedBy: actor.displayName,
    pupil: {
      name: `${pupil.preferredName ?? pupil.givenName} ${pupil.familyName}`,
      legalName: `${pupil.givenName} ${pupil.familyName}`,
      dateOfBirth: pupil.dateOfBirth,
      upn: pupil.upn,
      yearGroup: pupil.yearGroup,
      form: pupil.form,
      level: isLevelCode(pupil.currentLevel) ? pupil.currentLevel : null,
    },
    entries,
  });
  const slug = `${pupil.familyName}-${pupil.givenName}`
    .normalize('NFD')
    .replace(/[^A-Za-z0-9-]+/g, '')
    .toLowerCase();
  return { pdf, filename: `chronology-${slug}-${isoDay(now)}.pdf` };
}
