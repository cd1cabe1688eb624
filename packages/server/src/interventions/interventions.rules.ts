/**
 * Who may open an intervention, and the checks several use cases share. Need-to-know: the SMHL
 * (who keeps the catalogue), case roles, and the intervention's own staff; anyone else gets 404,
 * as if it were not there.
 */
import {
  AppError,
  canInSchool,
  expectedStartDates,
  londonToday,
  orderWaitingList,
  type Actor,
  type LevelCode,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import {
  attendanceCounts,
  openPlacesOf,
  runsIntervention,
  type InterventionRow,
  type PlaceRow,
} from './interventions.queries';

export interface InterventionAccess {
  /** The SMHL: keeps the catalogue, orders the list, allocates places. */
  manage: boolean;
  /** Named as running it: records its sessions and scores. */
  runs: boolean;
  /** A case role: may ask for places and see the names on the list. */
  caseRole: boolean;
}

export async function accessTo(
  db: DbOrTx,
  actor: Actor,
  schoolId: string,
  interventionId: string,
): Promise<InterventionAccess> {
  return {
    manage: canInSchool(actor, 'intervention.manage', schoolId),
    runs: await runsIntervention(db, actor.userId, interventionId),
    caseRole: canInSchool(actor, 'pupil.readCase', schoolId),
  };
}

/** The access of someone who may open the intervention; otherwise 404. */
export async function requireOpen(db: DbOrTx, actor: Actor, schoolId: string, interventionId: string) {
  const access = await accessTo(db, actor, schoolId, interventionId);
  if (!access.manage && !access.runs && !access.caseRole)
    throw new AppError('not_found', 'intervention not open to reader');
  return access;
}

export function requireManage(access: InterventionAccess): void {
  if (!access.manage) throw new AppError('forbidden', 'only the lead may do this');
}

/** Sessions or scores are recorded by the intervention's own staff (and the lead). */
export function requireRuns(access: InterventionAccess): void {
  if (!access.manage && !access.runs) throw new AppError('forbidden', 'only its staff record sessions');
}

/** A retired intervention keeps its history but takes no new pupils. */
export function requireNotRetired(i: InterventionRow): void {
  if (i.status === 'retired') {
    throw new AppError('conflict', 'intervention retired', {
      userMessage: `${i.name} is retired, so it takes no new pupils.`,
    });
  }
}

/**
 * The waiting list in order, with each pupil's expected start, and the pupils now in it. A caller
 * that has already loaded the intervention's places (with each pupil's level) passes them in.
 */
export async function queueOf(
  db: DbOrTx,
  schoolId: string,
  i: InterventionRow,
  now: Date,
  loaded?: readonly { place: PlaceRow; level: LevelCode | null }[],
) {
  const open = (loaded ?? (await openPlacesOf(db, schoolId, i.id))).filter(
    (o) => o.place.status === 'waiting' || o.place.status === 'in',
  );
  const inPlaces = open.filter((o) => o.place.status === 'in').map((o) => o.place);
  const counts = new Map(
    (
      await attendanceCounts(
        db,
        schoolId,
        inPlaces.map((p) => p.id),
      )
    ).map((c) => [c.placeId, c]),
  );
  const sessionsLeft = (p: PlaceRow) => {
    const c = counts.get(p.id);
    return Math.max(i.sessionCount - (c ? c.attended + c.missed : 0), 0);
  };
  const waiting = orderWaitingList(
    open
      .filter((o) => o.place.status === 'waiting')
      .map((o) => ({
        ...o.place,
        level: o.level,
        requestedAt: o.place.requestedAt.toISOString(),
        movedAt: o.place.movedAt?.toISOString() ?? null,
      })),
  );
  const starts = expectedStartDates({
    today: londonToday(now),
    sessionDay: i.sessionDay,
    sessionCount: i.sessionCount,
    places: i.places,
    sessionsLeft: inPlaces.map(sessionsLeft),
    queueLength: waiting.length,
    running: i.status === 'running',
  });
  return { waiting, starts, inPlaces, sessionsLeft, counts };
}
