import { AppError, londonToday, type RecordSessionBody } from '@tandem/core';
import { interventionAttendance, interventionSessions } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { findSessionSubmission, loadIntervention, placesOf } from '../interventions.queries';
import { requireOpen, requireRuns } from '../interventions.rules';

/**
 * The intervention's staff (or the lead) record a session: held, with each pupil's attendance, or
 * cancelled; a short note. Attendance only for pupils in the group on that day; a session sent twice
 * is kept once.
 */
export async function recordSession(deps: AppDeps, at: SchoolRequest, interventionId: string, body: RecordSessionBody) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const i = await loadIntervention(tx, schoolId, interventionId);
    requireRuns(await requireOpen(tx, actor, schoolId, interventionId));
    const first = await findSessionSubmission(tx, schoolId, actor.userId, body.submissionKey);
    if (first) return { id: first.id };
    if (body.heldOn > londonToday(now)) {
      throw new AppError('validation', 'future session', {
        fields: [{ path: 'heldOn', message: 'The date of the session cannot be in the future' }],
      });
    }
    const inGroup = new Set(
      (await placesOf(tx, schoolId, interventionId))
        .filter(
          ({ place }) =>
            place.startedOn !== null &&
            place.startedOn <= body.heldOn &&
            (place.status === 'in' ||
              (place.endedAt !== null && place.endedAt.toISOString().slice(0, 10) >= body.heldOn)),
        )
        .map(({ place }) => place.id),
    );
    const attendance = body.cancelled ? [] : body.attendance;
    const seen = new Set<string>();
    attendance.forEach((a, n) => {
      if (!inGroup.has(a.placeId) || seen.has(a.placeId)) {
        throw new AppError('validation', 'pupil not in group', {
          userMessage: 'One of the pupils was not in this group on that day.',
          fields: [{ path: `attendance.${n}.placeId`, message: 'This pupil was not in the group on that day' }],
        });
      }
      seen.add(a.placeId);
    });
    if (!body.cancelled && attendance.length === 0) {
      throw new AppError('validation', 'no attendance', {
        fields: [{ path: 'attendance', message: `Say who came to the session, or record it as cancelled` }],
      });
    }
    const [row] = await tx
      .insert(interventionSessions)
      .values({
        schoolId,
        interventionId: i.id,
        heldOn: body.heldOn,
        cancelled: body.cancelled,
        note: body.note,
        recordedBy: actor.userId,
        recordedAt: now,
        submissionKey: body.submissionKey,
      })
      .returning({ id: interventionSessions.id });
    if (attendance.length > 0) {
      await tx
        .insert(interventionAttendance)
        .values(
          attendance.map((a) => ({ schoolId, sessionId: row!.id, placeId: a.placeId, attendance: a.attendance })),
        );
    }
    await s.audit(
      {
        action: 'intervention.session_recorded',
        detail: { sessionId: row!.id, cancelled: body.cancelled, pupils: attendance.length },
      },
      { type: 'intervention', id: interventionId },
    );
    return { id: row!.id };
  });
}
