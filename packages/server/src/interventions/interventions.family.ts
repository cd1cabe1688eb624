/**
 * The interventions feature's part of the family portal (platform/registries.ts): what a parent sees
 * of their child's places (the intervention, its day, and on a waiting list the position and
 * expected start, by the same rule and estimate as the staff list, core interventions/waiting.ts),
 * the questionnaires asked of the parent or of the pupil, the support a parent may ask for, and a
 * parent's request joining a waiting list through the same path as a member of staff's.
 *
 * Nothing here names another pupil, a reason given by staff, a score, or who asked for a place.
 */
import { and, asc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import {
  AppError,
  SESSION_DAY_LABELS,
  type ParentInterventionPart,
  type ParentQuestionnairePart,
  type Respondent,
  type SupportOffer,
} from '@tandem/core';
import { interventionPlaces, interventions, questionnaires } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { FamilyReader, FamilyRequests, FamilyViewSource } from '../platform/registries';
import { findPlaceSubmission, loadIntervention, openPlaceOfPupil } from './interventions.queries';
import { queueOf } from './interventions.rules';
import { findMeasure } from './measures';
import { addRequest } from './places';

/** The child's places now 'in' or 'waiting', with the waiting position and expected start. */
async function placesForParent(db: DbOrTx, reader: FamilyReader): Promise<ParentInterventionPart[]> {
  const rows = await db
    .select({ place: interventionPlaces, i: interventions })
    .from(interventionPlaces)
    .innerJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
    .where(
      and(
        eq(interventionPlaces.schoolId, reader.schoolId),
        eq(interventionPlaces.pupilId, reader.pupilId),
        inArray(interventionPlaces.status, ['in', 'waiting']),
      ),
    )
    .orderBy(asc(interventionPlaces.status), asc(interventions.name));
  const parts: ParentInterventionPart[] = [];
  for (const { place, i } of rows) {
    let position: number | null = null;
    let expectedStart: string | null = null;
    if (place.status === 'waiting') {
      // The same order and estimate the staff waiting list shows.
      const queue = await queueOf(db, reader.schoolId, i, reader.now);
      const n = queue.waiting.findIndex((w) => w.id === place.id);
      if (n >= 0) {
        position = n + 1;
        expectedStart = queue.starts[n] ?? null;
      }
    }
    parts.push({
      name: i.name,
      description: i.description,
      state: place.status === 'in' ? 'in' : 'waiting',
      dayLabel: SESSION_DAY_LABELS[i.sessionDay],
      startedOn: place.status === 'in' ? place.startedOn : null,
      position,
      expectedStart,
    });
  }
  return parts;
}

/** Questionnaires about the child asked of this respondent and not yet finished, oldest due first. */
async function questionnairesFor(
  db: DbOrTx,
  reader: FamilyReader,
  respondent: Respondent,
): Promise<ParentQuestionnairePart[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      measureKey: questionnaires.measureKey,
      measureVersion: questionnaires.measureVersion,
      status: questionnaires.status,
      dueOn: questionnaires.dueOn,
    })
    .from(questionnaires)
    .where(
      and(
        eq(questionnaires.schoolId, reader.schoolId),
        eq(questionnaires.pupilId, reader.pupilId),
        eq(questionnaires.respondent, respondent),
        ne(questionnaires.status, 'complete'),
      ),
    )
    .orderBy(sql`${questionnaires.dueOn} asc nulls last`, asc(questionnaires.createdAt));
  const parts: ParentQuestionnairePart[] = [];
  for (const r of rows) {
    const measure = await findMeasure(db, reader.schoolId, r.measureKey, r.measureVersion);
    if (!measure) continue;
    parts.push({ id: r.id, title: measure.name, dueOn: r.dueOn, started: r.status === 'in_progress' });
  }
  return parts;
}

/** The school's running interventions a parent may ask for, less those the child is in or waiting for. */
async function supportOffers(db: DbOrTx, reader: FamilyReader): Promise<SupportOffer[]> {
  const rows = await db
    .select({ id: interventions.id, name: interventions.name, description: interventions.description })
    .from(interventions)
    .where(
      and(
        eq(interventions.schoolId, reader.schoolId),
        eq(interventions.status, 'running'),
        sql`not exists (select 1 from ${interventionPlaces} where ${interventionPlaces.interventionId} = ${interventions.id}
          and ${interventionPlaces.pupilId} = ${reader.pupilId} and ${interventionPlaces.status} in ('waiting', 'in'))`,
      ),
    )
    .orderBy(asc(interventions.name));
  return rows.map((r) => ({ interventionId: r.id, name: r.name, description: r.description }));
}

export const interventionFamilyView: FamilyViewSource = {
  name: 'interventions',
  async forParent(db, reader) {
    return {
      interventions: await placesForParent(db, reader),
      questionnaires: await questionnairesFor(db, reader, 'parent'),
      supportOffers: await supportOffers(db, reader),
    };
  },
  async forPupil(db, reader) {
    return { questionnaires: await questionnairesFor(db, reader, 'pupil') };
  },
};

export const interventionFamilyRequests: Pick<FamilyRequests, 'requestPlace' | 'placesRead'> = {
  async requestPlace(work, o) {
    // Held for update: one change to an intervention's list at a time, as for staff requests.
    const i = await loadIntervention(work.tx, work.schoolId, o.interventionId, true);
    // Sent twice: the place the first send asked for, whatever has become of it since.
    const first = await findPlaceSubmission(work.tx, work.schoolId, work.actor.userId, o.submissionKey);
    if (first && first.interventionId === i.id) return { placeId: first.id, interventionName: i.name };
    // A parent may ask only for what the school offers them (supportOffers): a running intervention.
    if (i.status !== 'running') throw new AppError('not_found', 'intervention not offered');
    // Already waiting or in (asked for by anyone): the place there is, not a second one.
    const open = await openPlaceOfPupil(work.tx, i.id, o.pupilId);
    if (open) return { placeId: open.id, interventionName: i.name };
    const row = await addRequest(work, i, {
      pupilId: o.pupilId,
      reason: o.reason,
      source: 'parent',
      submissionKey: o.submissionKey,
    });
    return { placeId: row.id, interventionName: i.name };
  },

  async placesRead(db, schoolId, placeIds) {
    if (placeIds.length === 0) return new Map<string, Date>();
    // When the school first acted on the place: moved on the list, given a place, or ended it.
    const firstActed = sql<Date>`least(${interventionPlaces.movedAt}, ${interventionPlaces.allocatedAt}, ${interventionPlaces.endedAt})`;
    const rows = await db
      .select({ id: interventionPlaces.id, at: firstActed.mapWith(interventionPlaces.allocatedAt) })
      .from(interventionPlaces)
      .where(
        and(
          eq(interventionPlaces.schoolId, schoolId),
          inArray(interventionPlaces.id, [...placeIds]),
          or(
            isNotNull(interventionPlaces.movedAt),
            isNotNull(interventionPlaces.allocatedAt),
            isNotNull(interventionPlaces.endedAt),
          ),
        ),
      );
    return new Map(rows.map((r) => [r.id, r.at]));
  },
};
