import { WAITING_ORDER_RULE, type InterventionDetail } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { attendanceOf, loadIntervention, placesOf, sessionsOf, staffOf } from '../interventions.queries';
import { pupilBriefOf, summaryOf } from '../interventions.mapping';
import { queueOf, requireOpen } from '../interventions.rules';
import { findMeasure } from '../measures';
import { questionnairesOfPlaces } from '../questionnaires.queries';
import { pupilName } from '../../platform/directory';
import { pairChanges } from '../pairs';

/**
 * An intervention with its waiting list, who is in it, its sessions and finished places: for the
 * SMHL, case roles and its own staff (anyone else 404). Every read of the list is audited.
 */
export async function getIntervention(
  deps: AppDeps,
  at: SchoolRequest,
  interventionId: string,
): Promise<InterventionDetail> {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const i = await loadIntervention(tx, schoolId, interventionId);
    const access = await requireOpen(tx, actor, schoolId, interventionId);
    const [rows, staff, sessions] = await Promise.all([
      placesOf(tx, schoolId, interventionId),
      staffOf(tx, schoolId, [interventionId]),
      sessionsOf(tx, schoolId, interventionId),
    ]);
    const queue = await queueOf(
      tx,
      schoolId,
      i,
      now,
      rows.map((r) => ({ place: r.place, level: r.pupil.level })),
    );
    const byPlace = new Map(rows.map((r) => [r.place.id, r]));
    const qs = await questionnairesOfPlaces(
      tx,
      schoolId,
      rows.map((r) => r.place.id),
    );
    const q = (placeId: string, timepoint: 'baseline' | 'follow_up') => {
      const found = qs.find((x) => x.placeId === placeId && x.timepoint === timepoint);
      return found ? { id: found.id, status: found.status } : null;
    };
    const attendance = await attendanceOf(
      tx,
      schoolId,
      sessions.map((x) => x.session.id),
    );
    const measure = i.measureKey ? await findMeasure(tx, schoolId, i.measureKey) : undefined;
    const inPlaces = queue.inPlaces.map((p) => {
      const c = queue.counts.get(p.id);
      return {
        ...pupilBriefOf(byPlace.get(p.id)!),
        placeId: p.id,
        startedOn: p.startedOn,
        sessionsAttended: c?.attended ?? 0,
        sessionsMissed: c?.missed ?? 0,
        sessionsLeft: queue.sessionsLeft(p),
        parentsToldAt: p.parentsToldAt?.toISOString() ?? null,
        baseline: q(p.id, 'baseline'),
        followUp: q(p.id, 'follow_up'),
      };
    });
    const waiting = queue.waiting.map((w, n) => {
      const r = byPlace.get(w.id)!;
      return {
        ...pupilBriefOf(r),
        placeId: w.id,
        position: n + 1,
        requestedAt: w.requestedAt,
        requestedByName: r.requestedByName,
        source: w.source,
        reason: w.reason,
        expectedStart: queue.starts[n] ?? null,
        movedReason: w.movedReason,
      };
    });
    const completeScores = (placeId: string, timepoint: 'baseline' | 'follow_up') =>
      qs.find((x) => x.placeId === placeId && x.timepoint === timepoint && x.status === 'complete')?.scores ?? null;
    const changesOf = async (placeId: string) => {
      const before = completeScores(placeId, 'baseline');
      const after = completeScores(placeId, 'follow_up');
      const b = qs.find((x) => x.placeId === placeId && x.timepoint === 'baseline');
      if (!before || !after || !b) return null;
      const m = await findMeasure(tx, schoolId, b.measureKey, b.measureVersion);
      return m ? pairChanges(m, before, after) : null;
    };
    const finished = rows.filter((r) => r.place.status !== 'waiting' && r.place.status !== 'in');
    const changes = new Map(
      await Promise.all(finished.map(async (r) => [r.place.id, await changesOf(r.place.id)] as const)),
    );
    const past = finished.map((r) => ({
      ...pupilBriefOf(r),
      placeId: r.place.id,
      status: r.place.status,
      startedOn: r.place.startedOn,
      endedAt: r.place.endedAt?.toISOString() ?? null,
      endReason: r.place.endReason,
      followUp: q(r.place.id, 'follow_up'),
      changes: changes.get(r.place.id) ?? null,
    }));
    const mine = staff.some((x) => x.id === actor.userId);
    await s.audit(
      { action: 'intervention.viewed', detail: { waiting: waiting.length, in: inPlaces.length, names: true } },
      { type: 'intervention', id: interventionId },
    );
    return {
      intervention: summaryOf(i, {
        staff: staff.map((x) => ({ id: x.id, name: x.name })),
        inCount: inPlaces.length,
        waitingCount: waiting.length,
        measure,
        mine,
        canOpen: true,
      }),
      waitingOrderRule: WAITING_ORDER_RULE,
      inPlaces,
      waiting,
      past,
      sessions: sessions.map(({ session, recordedByName }) => ({
        id: session.id,
        heldOn: session.heldOn,
        cancelled: session.cancelled,
        note: session.note,
        recordedByName,
        attendance: attendance
          .filter((a) => a.sessionId === session.id)
          .map((a) => ({
            placeId: a.placeId,
            name: byPlace.get(a.placeId) ? pupilName(byPlace.get(a.placeId)!.pupil) : '',
            attendance: a.attendance,
          })),
      })),
      waitingOrder: waiting.map((w) => w.placeId),
      canManage: access.manage,
      canRecordSessions: access.manage || access.runs,
      canRequest: (access.caseRole || access.runs) && i.status !== 'retired',
    };
  });
}
