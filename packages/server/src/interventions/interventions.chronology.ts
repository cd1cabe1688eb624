/**
 * Interventions' part of a pupil's chronology: a place asked for, started and ended, and each
 * questionnaire completed with its scores. The reader already may open the pupil's case.
 */
import { and, eq } from 'drizzle-orm';
import { PLACE_STATUS_LABELS, TIMEPOINT_LABELS, type ChronologyEntry } from '@tandem/core';
import { interventionPlaces, interventions, questionnaires, users } from '@tandem/core/schema';
import { calendarDay } from '../platform/dates';
import type { ChronologySource } from '../platform/registries';
import { findMeasure } from './measures';

export const interventionChronology: ChronologySource = {
  name: 'interventions',
  kindOrder: { intervention_requested: 1, intervention_started: 2, questionnaire_completed: 3, intervention_ended: 4 },
  async entries(db, { schoolId, pupilId }) {
    const places = await db
      .select({ p: interventionPlaces, name: interventions.name, by: users.displayName })
      .from(interventionPlaces)
      .innerJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
      .innerJoin(users, eq(users.id, interventionPlaces.requestedBy))
      .where(and(eq(interventionPlaces.schoolId, schoolId), eq(interventionPlaces.pupilId, pupilId)));
    const entries: ChronologyEntry[] = [];
    for (const { p, name, by } of places) {
      entries.push({
        id: `${p.id}-requested`,
        kind: 'intervention_requested',
        at: p.requestedAt.toISOString(),
        title: `Place asked for: ${name}`,
        detail: p.reason,
        byName: by,
        interventionId: p.interventionId,
      });
      if (p.allocatedAt && p.startedOn) {
        entries.push({
          id: `${p.id}-started`,
          kind: 'intervention_started',
          at: p.allocatedAt.toISOString(),
          title: `Given a place: ${name}, starting ${calendarDay(p.startedOn)}`,
          detail: [
            p.allocationReason ? `Before others waiting: ${p.allocationReason}` : null,
            p.parentsToldAt
              ? `Parents told ${calendarDay(p.parentsToldAt.toISOString().slice(0, 10))}`
              : 'Parents not yet told',
          ]
            .filter((l): l is string => l !== null)
            .join('\n'),
          byName: null,
          interventionId: p.interventionId,
        });
      }
      if (p.endedAt && p.status !== 'waiting' && p.status !== 'in') {
        entries.push({
          id: `${p.id}-ended`,
          kind: 'intervention_ended',
          at: p.endedAt.toISOString(),
          title: `${PLACE_STATUS_LABELS[p.status]}: ${name}`,
          detail: p.endReason,
          byName: null,
          interventionId: p.interventionId,
        });
      }
    }
    const done = await db
      .select({ q: questionnaires, by: users.displayName })
      .from(questionnaires)
      .leftJoin(users, eq(users.id, questionnaires.completedBy))
      .where(
        and(
          eq(questionnaires.schoolId, schoolId),
          eq(questionnaires.pupilId, pupilId),
          eq(questionnaires.status, 'complete'),
        ),
      );
    for (const { q, by } of done) {
      const m = await findMeasure(db, schoolId, q.measureKey, q.measureVersion);
      const scores = (q.scores ?? [])
        .filter((x) => x.value !== null)
        .map((x) => `${x.label}: ${x.value}${x.band ? ` (${x.band})` : ''}`);
      entries.push({
        id: q.id,
        kind: 'questionnaire_completed',
        at: (q.completedAt ?? q.updatedAt).toISOString(),
        title: `${m?.shortName ?? 'Questionnaire'} completed (${TIMEPOINT_LABELS[q.timepoint].toLowerCase()})`,
        detail: [...scores, q.riskRaised ? 'A risk answer was sent to the DSL team at once.' : null]
          .filter((l): l is string => l !== null)
          .join('\n'),
        byName: by,
        questionnaireId: q.id,
      });
    }
    return entries;
  },
};
