/**
 * The concerns' part of a pupil's chronology: each concern about the pupil, its acknowledgement,
 * escalation, additions, actions, corrections, parents being told and closure.
 *
 * Concerns in the restricted safeguarding record, and everything on them, are read only by the
 * DSL team. For anyone else they are left out in these queries themselves, so no entry, count or
 * gap gives them away.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  CONCERN_CORRECTION_FIELD_PHRASES,
  CONCERN_OUTCOME_LABELS,
  PARENTS_TOLD_HOW_PHRASES,
  type ChronologyEntry,
  type ConcernOutcome,
} from '@tandem/core';
import {
  concernActions,
  concernAddenda,
  concernCorrections,
  concernPupils,
  concerns,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { calendarDay, dateAndTime } from '../platform/dates';
import type { ChronologyReader, ChronologySource } from '../platform/registries';

const outcomeLabel = (outcome: ConcernOutcome | null) => (outcome ? CONCERN_OUTCOME_LABELS[outcome] : 'no outcome');

/** The concerns about the pupil this reader may see: the restricted ones only for the DSL team. */
function aboutPupil({ schoolId, pupilId, seeRestricted }: ChronologyReader): SQL {
  return and(
    eq(concerns.schoolId, schoolId),
    eq(concernPupils.schoolId, schoolId),
    eq(concernPupils.pupilId, pupilId),
    seeRestricted ? undefined : eq(concerns.restricted, false),
  ) as SQL;
}

async function visibleConcerns(db: DbOrTx, where: SQL) {
  const logger = alias(users, 'logger');
  const acker = alias(users, 'acker');
  const escalator = alias(users, 'escalator');
  const closer = alias(users, 'closer');
  const teller = alias(users, 'teller');
  return db
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
      fromParent: concerns.fromParent,
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
    .where(where);
}

/** What every entry about a concern carries, to link to it and mark it. */
interface ConcernTag {
  concernId: string;
  reference: string;
  urgent: boolean;
  restricted: boolean;
}

type ConcernRow = Awaited<ReturnType<typeof visibleConcerns>>[number];

/** The steps of one concern recorded on the concern's own row. */
function concernSteps(c: ConcernRow, tag: ConcernTag): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  const detail = [
    c.account,
    c.pupilWords ? `In the pupil's words: "${c.pupilWords}"` : null,
    `Happened ${dateAndTime(c.occurredAt)}, ${c.location}.`,
  ].filter((l): l is string => l !== null);
  entries.push({
    id: c.id,
    kind: 'concern_logged',
    at: c.loggedAt.toISOString(),
    title: c.fromParent
      ? `Concern sent by ${c.loggerName}, a parent or carer, in Tandem (${c.reference})`
      : `${c.urgent ? 'Urgent concern' : 'Concern'} logged by ${c.loggerName} (${c.reference})`,
    detail: detail.join('\n'),
    byName: c.loggerName,
    ...tag,
  });
  if (c.acknowledgedAt) {
    entries.push({
      id: `${c.id}-acknowledged`,
      kind: 'concern_acknowledged',
      at: c.acknowledgedAt.toISOString(),
      title: `Concern ${c.reference} acknowledged`,
      detail: null,
      byName: c.ackName,
      ...tag,
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
      ...tag,
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
      ...tag,
    });
  }
  if (c.parentsToldAt) {
    entries.push({
      id: `${c.id}-parents-told`,
      kind: 'parents_told',
      at: c.parentsToldAt.toISOString(),
      title: [
        `Parents told`,
        c.parentsToldHow ? PARENTS_TOLD_HOW_PHRASES[c.parentsToldHow] : null,
        `about concern ${c.reference}`,
      ]
        .filter(Boolean)
        .join(' '),
      detail: null,
      byName: c.tellerName,
      ...tag,
    });
  }
  return entries;
}

export const concernChronology: ChronologySource = {
  name: 'concerns',
  // At the same moment, the order in which a concern's steps happen (later ones listed first).
  kindOrder: {
    concern_logged: 1,
    concern_acknowledged: 2,
    concern_escalated: 3,
    concern_addendum: 4,
    concern_corrected: 5,
    concern_action_added: 6,
    concern_action_completed: 7,
    parents_told: 8,
    concern_closed: 9,
  },
  async entries(db, reader) {
    const where = aboutPupil(reader);
    const rows = await visibleConcerns(db, where);
    if (rows.length === 0) return [];
    const { schoolId } = reader;
    // The additions, actions and corrections are read only for the concerns the reader may see.
    const visible = db
      .select({ id: concerns.id })
      .from(concerns)
      .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
      .where(where);

    const byConcern = new Map(rows.map((c) => [c.id, c]));
    const tag = (concernId: string): ConcernTag => {
      const c = byConcern.get(concernId);
      return {
        concernId,
        reference: c?.reference ?? '',
        urgent: c?.urgent ?? false,
        restricted: c?.restricted ?? false,
      };
    };
    const entries = rows.flatMap((c) => concernSteps(c, tag(c.id)));

    const addenda = await db
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
    const actions = await db
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
      // Settled when the concern closed: carried on as the pupil's case work, or dropped with why.
      if (a.carriedAt && !a.completedAt) {
        entries.push({
          id: `${a.id}-carried`,
          kind: 'concern_action_added',
          at: a.carriedAt.toISOString(),
          title: `Action carried to the pupil's case when concern ${t.reference} closed: ${a.description}`,
          detail: `Still open, for ${ownerName}, due ${calendarDay(a.dueOn)}`,
          byName: null,
          ...t,
        });
      }
      if (a.droppedAt) {
        entries.push({
          id: `${a.id}-dropped`,
          kind: 'concern_action_completed',
          at: a.droppedAt.toISOString(),
          title: `Action dropped when concern ${t.reference} closed: ${a.description}`,
          detail: a.dropReason,
          byName: null,
          ...t,
        });
      }
    }

    const corrections = await db
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
            : `Concern ${t.reference} corrected: ${CONCERN_CORRECTION_FIELD_PHRASES[c.field]}`,
        detail: c.reason,
        byName: by,
        ...t,
      });
    }
    return entries;
  },
};
