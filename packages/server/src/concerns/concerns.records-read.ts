/**
 * Reading the concerns about a pupil as record items: each concern, what was added to it or
 * corrected later, its actions, and the files attached to it (their names, types and sizes, never
 * their bytes). A concern in the restricted safeguarding record is left out in the SQL itself
 * unless the query asks for the restricted record.
 */
import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CONCERN_CORRECTION_FIELD_LABELS, type PupilRecordItem } from '@tandem/core';
import {
  concernActions,
  concernAddenda,
  concernCorrections,
  concernFiles,
  concernPupils,
  concerns,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { calendarDay, dateAndTime } from '../platform/dates';
import type { PupilRecordQuery } from '../platform/registries';
import { CONCERN_RECORDS_SOURCE, concernRecordClass, concernSuggestion } from './concerns.record-class';
import { concernBody, correctedValue, FILE_TYPE_LABELS, fileSize, lines } from './concerns.records-text';

/** The concerns about the pupil, the restricted ones only when asked for. */
function aboutPupil(q: PupilRecordQuery): SQL {
  return and(
    eq(concerns.schoolId, q.schoolId),
    eq(concernPupils.schoolId, q.schoolId),
    eq(concernPupils.pupilId, q.pupilId),
    q.includeRestricted ? undefined : eq(concerns.restricted, false),
  ) as SQL;
}

async function concernRows(db: DbOrTx, q: PupilRecordQuery) {
  const logger = alias(users, 'logger');
  const acker = alias(users, 'acker');
  const escalator = alias(users, 'escalator');
  const closer = alias(users, 'closer');
  const teller = alias(users, 'teller');
  return db
    .select({
      c: concerns,
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
    .where(aboutPupil(q))
    .orderBy(concerns.loggedAt);
}

/** How many pupils each of these concerns is about. */
async function pupilCounts(db: DbOrTx, schoolId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ concernId: concernPupils.concernId, n: count() })
    .from(concernPupils)
    .where(and(eq(concernPupils.schoolId, schoolId), inArray(concernPupils.concernId, [...ids])))
    .groupBy(concernPupils.concernId);
  return new Map(rows.map((r) => [r.concernId, r.n]));
}

export type ConcernRow = Awaited<ReturnType<typeof concernRows>>[number];

/** Everything held about the pupil in their concerns, as record items. */
export async function readConcernRecords(db: DbOrTx, q: PupilRecordQuery): Promise<PupilRecordItem[]> {
  const rows = await concernRows(db, q);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.c.id);
  const counts = await pupilCounts(db, q.schoolId, ids);
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  /** What every item of a concern shares: its class, restriction and suggestion. */
  const tag = (concernId: string) => {
    const c = byId.get(concernId)!.c;
    return {
      source: CONCERN_RECORDS_SOURCE,
      recordClass: concernRecordClass(c.restricted),
      restricted: c.restricted,
      suggested: concernSuggestion(c.restricted, counts.get(concernId) ?? 1),
    };
  };
  const ref = (concernId: string) => byId.get(concernId)!.c.reference;

  const items: PupilRecordItem[] = rows.map((r) => ({
    ...tag(r.c.id),
    kind: 'concern',
    id: r.c.id,
    at: r.c.loggedAt.toISOString(),
    title: r.c.fromParent
      ? `Concern sent by ${r.loggerName}, a parent or carer (${r.c.reference})`
      : `${r.c.urgent ? 'Urgent concern' : 'Concern'} logged by ${r.loggerName} (${r.c.reference})`,
    body: concernBody(r, counts.get(r.c.id) ?? 1),
  }));

  const addenda = await db
    .select({ a: concernAddenda, by: users.displayName })
    .from(concernAddenda)
    .innerJoin(users, eq(users.id, concernAddenda.addedBy))
    .where(and(eq(concernAddenda.schoolId, q.schoolId), inArray(concernAddenda.concernId, ids)))
    .orderBy(concernAddenda.addedAt);
  for (const { a, by } of addenda) {
    items.push({
      ...tag(a.concernId),
      kind: 'concern-addendum',
      id: a.id,
      at: a.addedAt.toISOString(),
      title: `Added to concern ${ref(a.concernId)} by ${by}`,
      body: lines(
        `Added to concern: ${ref(a.concernId)}`,
        `Added by: ${by}, on ${dateAndTime(a.addedAt)}`,
        `Why it was added: ${a.reason}`,
        `What was added: ${a.text}`,
      ),
    });
  }

  const corrections = await db
    .select({ c: concernCorrections, by: users.displayName })
    .from(concernCorrections)
    .innerJoin(users, eq(users.id, concernCorrections.changedBy))
    .where(and(eq(concernCorrections.schoolId, q.schoolId), inArray(concernCorrections.concernId, ids)))
    .orderBy(concernCorrections.changedAt);
  for (const { c, by } of corrections) {
    items.push({
      ...tag(c.concernId),
      kind: 'concern-correction',
      id: c.id,
      at: c.changedAt.toISOString(),
      title:
        c.field === 'restricted'
          ? `Concern ${ref(c.concernId)} moved to the safeguarding record by ${by}`
          : `Concern ${ref(c.concernId)} corrected by ${by}`,
      body: lines(
        `Concern corrected: ${ref(c.concernId)}`,
        `What was corrected: ${CONCERN_CORRECTION_FIELD_LABELS[c.field]}`,
        `Before: ${correctedValue(c.field, c.fromValue)}`,
        `After: ${correctedValue(c.field, c.toValue)}`,
        `Why: ${c.reason}`,
        `Corrected by: ${by}, on ${dateAndTime(c.changedAt)}`,
      ),
    });
  }

  const owner = alias(users, 'owner');
  const creator = alias(users, 'creator');
  const completer = alias(users, 'completer');
  const carrier = alias(users, 'carrier');
  const dropper = alias(users, 'dropper');
  const actions = await db
    .select({
      a: concernActions,
      owner: owner.displayName,
      creator: creator.displayName,
      completer: completer.displayName,
      carrier: carrier.displayName,
      dropper: dropper.displayName,
    })
    .from(concernActions)
    .innerJoin(owner, eq(owner.id, concernActions.ownerUserId))
    .innerJoin(creator, eq(creator.id, concernActions.createdBy))
    .leftJoin(completer, eq(completer.id, concernActions.completedBy))
    .leftJoin(carrier, eq(carrier.id, concernActions.carriedBy))
    .leftJoin(dropper, eq(dropper.id, concernActions.droppedBy))
    .where(and(eq(concernActions.schoolId, q.schoolId), inArray(concernActions.concernId, ids)))
    .orderBy(concernActions.createdAt);
  for (const r of actions) {
    const a = r.a;
    items.push({
      ...tag(a.concernId),
      kind: 'concern-action',
      id: a.id,
      at: a.createdAt.toISOString(),
      title: `Action on concern ${ref(a.concernId)}: ${a.description}`,
      body: lines(
        `On concern: ${ref(a.concernId)}`,
        `What is to be done: ${a.description}`,
        `Who does it: ${r.owner}`,
        `Due: ${calendarDay(a.dueOn)}`,
        `Agreed by: ${r.creator}, on ${dateAndTime(a.createdAt)}`,
        a.completedAt && `Done: on ${dateAndTime(a.completedAt)}, recorded by ${r.completer ?? 'a member of staff'}`,
        a.completionNote && `About what was done: ${a.completionNote}`,
        a.carriedAt &&
          `Carried to the pupil's case when the concern closed: on ${dateAndTime(a.carriedAt)}${
            r.carrier ? `, by ${r.carrier}` : ''
          }`,
        a.droppedAt &&
          `Dropped when the concern closed: on ${dateAndTime(a.droppedAt)}${r.dropper ? `, by ${r.dropper}` : ''}`,
        a.dropReason && `Why it was dropped: ${a.dropReason}`,
      ),
    });
  }

  // The files' names, types and sizes only: the bytes are never loaded here.
  const files = await db
    .select({
      id: concernFiles.id,
      concernId: concernFiles.concernId,
      fileName: concernFiles.fileName,
      contentType: concernFiles.contentType,
      size: concernFiles.size,
      addedAt: concernFiles.addedAt,
      by: users.displayName,
    })
    .from(concernFiles)
    .innerJoin(users, eq(users.id, concernFiles.addedBy))
    .where(and(eq(concernFiles.schoolId, q.schoolId), inArray(concernFiles.concernId, ids)))
    .orderBy(concernFiles.addedAt);
  for (const f of files) {
    items.push({
      ...tag(f.concernId),
      kind: 'concern-file',
      id: f.id,
      at: f.addedAt.toISOString(),
      title: `File attached to concern ${ref(f.concernId)}: ${f.fileName}`,
      body: lines(
        `Attached to concern: ${ref(f.concernId)}`,
        `File name: ${f.fileName}`,
        `Kind of file: ${FILE_TYPE_LABELS[f.contentType] ?? f.contentType}`,
        `Size: ${fileSize(f.size)}`,
        `Attached by: ${f.by}, on ${dateAndTime(f.addedAt)}`,
      ),
    });
  }
  return items;
}
