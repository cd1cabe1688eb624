/**
 * Interventions' part of everything held about a pupil (subject access, transfer, retention): each
 * place asked for and what became of it, each session's attendance, and each questionnaire with its
 * answers in words and its scores. Answers to a risk item that opened the urgent route live in the
 * restricted record (the feature hides them from anyone outside the DSL team): they are their own
 * child-protection item, loaded only when the restricted record is asked for.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  ATTENDANCE_LABELS,
  PLACE_STATUS_LABELS,
  QUESTIONNAIRE_STATUS_LABELS,
  REQUEST_SOURCE_LABELS,
  RESPONDENT_LABELS,
  TIMEPOINT_LABELS,
  type MeasureDefinition,
  type PupilRecordItem,
} from '@tandem/core';
import {
  interventionAttendance,
  interventionPlaces,
  interventionSessions,
  interventions,
  questionnaires,
} from '@tandem/core/schema';
import { calendarDay } from '../platform/dates';
import type { PupilRecordSource } from '../platform/registries';
import { findMeasure } from './measures';
import { DISCLOSE_ABOUT_PUPIL, dayOf, namesOf, lines } from '../platform/records';

const SOURCE = 'interventions';
const DISCLOSE = DISCLOSE_ABOUT_PUPIL;

const day = dayOf;

/** The ids of a measure's risk items. */
function riskItemsOf(m: MeasureDefinition | undefined): Set<string> {
  return new Set((m?.items ?? []).filter((i) => i.riskAt !== undefined).map((i) => i.id));
}

/** The risk answers a questionnaire still holds (the restricted record's part of it). */
function heldRiskAnswers(q: { riskRaised: boolean; answers: Record<string, number> }, risk: Set<string>): string[] {
  return q.riskRaised ? Object.keys(q.answers).filter((id) => risk.has(id)) : [];
}

/** One answer in words: "Item 3 (…): Several days (1)". */
function answerInWords(m: MeasureDefinition | undefined, itemId: string, value: number, goals: Record<string, string>) {
  const index = m ? m.items.findIndex((i) => i.id === itemId) : -1;
  const item = index >= 0 ? m?.items[index] : undefined;
  const label = (item?.options ?? m?.scale ?? []).find((o) => o.value === value)?.label;
  const goal = goals[itemId];
  const question = goal ? `Goal: ${goal}` : (item?.text ?? `Item ${index >= 0 ? String(index + 1) : itemId}`);
  return `${question}: ${label ? `${label} (${String(value)})` : String(value)}`;
}

export const interventionRecords: PupilRecordSource = {
  name: SOURCE,
  async records(db, { schoolId, pupilId, includeRestricted }) {
    const items: PupilRecordItem[] = [];
    const places = await db
      .select({ p: interventionPlaces, name: interventions.name, format: interventions.format })
      .from(interventionPlaces)
      .innerJoin(interventions, eq(interventions.id, interventionPlaces.interventionId))
      .where(and(eq(interventionPlaces.schoolId, schoolId), eq(interventionPlaces.pupilId, pupilId)));
    const qs = await db
      .select()
      .from(questionnaires)
      .where(and(eq(questionnaires.schoolId, schoolId), eq(questionnaires.pupilId, pupilId)));
    const names = await namesOf(db, [
      ...places.flatMap(({ p }) => [p.requestedBy, p.movedBy, p.allocatedBy, p.parentsToldBy, p.endedBy]),
      ...qs.flatMap((q) => [q.createdBy, q.completedBy]),
    ]);
    const who = (id: string | null) => (id ? (names.get(id) ?? 'a member of staff') : 'a member of staff');

    for (const { p, name } of places) {
      items.push({
        source: SOURCE,
        kind: 'place',
        id: p.id,
        at: p.requestedAt.toISOString(),
        title: `Place on ${name}: ${PLACE_STATUS_LABELS[p.status].toLowerCase()}`,
        body: lines(
          `Asked for on ${day(p.requestedAt)} by ${p.source === 'parent' ? `a parent or carer (${who(p.requestedBy)})` : who(p.requestedBy)} (${REQUEST_SOURCE_LABELS[p.source].toLowerCase()}).`,
          `Why: ${p.reason}`,
          p.movedAt &&
            `Moved to place ${String(p.movedToPosition ?? '')} on the waiting list on ${day(p.movedAt)} by ${who(p.movedBy)}: ${p.movedReason ?? ''}`,
          p.allocatedAt &&
            `Given a place on ${day(p.allocatedAt)} by ${who(p.allocatedBy)}${p.startedOn ? `, starting ${calendarDay(p.startedOn)}` : ''}.`,
          p.allocationReason && `Given the place before others waiting because: ${p.allocationReason}`,
          p.parentsToldAt && `Parents told on ${day(p.parentsToldAt)} by ${who(p.parentsToldBy)}.`,
          p.endedAt &&
            `${PLACE_STATUS_LABELS[p.status]} on ${day(p.endedAt)} (recorded by ${who(p.endedBy)})${p.endReason ? `: ${p.endReason}` : '.'}`,
          `Now: ${PLACE_STATUS_LABELS[p.status]}.`,
        ),
        recordClass: 'wellbeing',
        restricted: false,
        suggested: DISCLOSE,
      });
    }

    const placeIds = places.map(({ p }) => p.id);
    if (placeIds.length > 0) {
      const sessions = await db
        .select({ a: interventionAttendance, s: interventionSessions })
        .from(interventionAttendance)
        .innerJoin(interventionSessions, eq(interventionSessions.id, interventionAttendance.sessionId))
        .where(and(eq(interventionAttendance.schoolId, schoolId), inArray(interventionAttendance.placeId, placeIds)));
      const placeOf = new Map(places.map((x) => [x.p.id, x]));
      for (const { a, s } of sessions) {
        const place = placeOf.get(a.placeId);
        const group = place?.format === 'group';
        const shared = group && s.note.trim() !== '';
        items.push({
          source: SOURCE,
          kind: 'session-attendance',
          id: `${s.id}:${a.placeId}`,
          at: `${s.heldOn}T12:00:00.000Z`,
          title: `${place?.name ?? 'Intervention'} session on ${calendarDay(s.heldOn)}: ${ATTENDANCE_LABELS[a.attendance].toLowerCase()}`,
          body: lines(
            `Session ${a.attendance === 'attended' ? 'attended' : 'not attended'} on ${calendarDay(s.heldOn)}.`,
            s.note.trim() !== '' && `The session's note${group ? ' (for the whole group)' : ''}: ${s.note}`,
          ),
          recordClass: 'wellbeing',
          restricted: false,
          suggested: shared
            ? { decision: 'redact', reason: 'The note is about the whole group and may name other pupils' }
            : DISCLOSE,
        });
      }
    }

    const placeName = new Map(places.map(({ p, name }) => [p.id, name]));
    for (const q of qs) {
      const m = await findMeasure(db, schoolId, q.measureKey, q.measureVersion);
      const risk = riskItemsOf(m);
      const held = heldRiskAnswers(q, risk);
      const measure = m ? `${m.name} (${m.shortName})` : 'Questionnaire';
      const of = q.placeId ? placeName.get(q.placeId) : undefined;
      const title = `${m?.shortName ?? 'Questionnaire'} ${TIMEPOINT_LABELS[q.timepoint].toLowerCase()}: ${QUESTIONNAIRE_STATUS_LABELS[q.status].toLowerCase()}`;
      const when = q.completedAt ?? q.startedAt ?? q.createdAt;
      if (!isRiskShell(q, risk)) {
        const answers = Object.entries(q.answers)
          .filter(([id]) => !(q.riskRaised && risk.has(id)))
          .map(([id, v]) => `- ${answerInWords(m, id, v, q.goals)}`);
        const scores = (q.scores ?? []).map(
          (x) =>
            `- ${x.label}: ${x.value === null ? 'not enough answers to score' : String(x.value)}${x.band ? ` (${x.band})` : ''}`,
        );
        items.push({
          source: SOURCE,
          kind: 'questionnaire',
          id: q.id,
          at: when.toISOString(),
          title,
          body: lines(
            `${measure}, ${TIMEPOINT_LABELS[q.timepoint].toLowerCase()}${of ? ` for ${of}` : ''}.`,
            `Answered by: ${RESPONDENT_LABELS[q.respondent].toLowerCase()}.`,
            `Given by ${who(q.createdBy)} on ${day(q.createdAt)}${q.dueOn ? `, due ${calendarDay(q.dueOn)}` : ''}.`,
            q.completedAt && `Completed on ${day(q.completedAt)}${q.completedBy ? ` with ${who(q.completedBy)}` : ''}.`,
            answers.length > 0 && 'Answers:',
            ...answers,
            scores.length > 0 && 'Scores:',
            ...scores,
            q.riskRaised && 'An answer to a question about safety was passed at once to the safeguarding team.',
          ),
          recordClass: 'wellbeing',
          restricted: false,
          suggested: DISCLOSE,
        });
      }
      if (includeRestricted && held.length > 0) {
        items.push({
          source: SOURCE,
          kind: 'questionnaire-risk-answer',
          id: q.id,
          at: when.toISOString(),
          title: `${m?.shortName ?? 'Questionnaire'}: answer passed to the safeguarding team`,
          body: lines(
            `${measure}, ${TIMEPOINT_LABELS[q.timepoint].toLowerCase()}, answered on ${day(when)}.`,
            ...held.map((id) => `- ${answerInWords(m, id, q.answers[id] ?? 0, q.goals)}`),
            'This answer opened the urgent safeguarding route to the DSL team.',
          ),
          recordClass: 'child-protection',
          restricted: true,
          suggested: {
            decision: 'withhold',
            reason: 'Child-protection content held in the restricted record: disclosure could put the child at risk',
          },
        });
      }
    }
    return items;
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    if (recordClass === 'sen') return [];
    const qs = await tx
      .select()
      .from(questionnaires)
      .where(and(eq(questionnaires.schoolId, schoolId), eq(questionnaires.pupilId, pupilId)));
    const measured = await Promise.all(
      qs.map(async (q) => ({ q, risk: riskItemsOf(await findMeasure(tx, schoolId, q.measureKey, q.measureVersion)) })),
    );

    if (recordClass === 'child-protection') {
      // The restricted part of a questionnaire: its answers to risk items. What is left stays a
      // wellbeing record, unless the wellbeing part has gone already (then the row goes).
      let count = 0;
      for (const { q, risk } of measured) {
        const held = heldRiskAnswers(q, risk);
        if (held.length === 0) continue;
        count += 1;
        if (isRiskShell(q, risk)) {
          await tx.delete(questionnaires).where(eq(questionnaires.id, q.id));
        } else {
          const answers = Object.fromEntries(Object.entries(q.answers).filter(([id]) => !risk.has(id)));
          await tx.update(questionnaires).set({ answers }).where(eq(questionnaires.id, q.id));
        }
      }
      return [{ kind: 'questionnaire-risk-answer', count }];
    }

    // Wellbeing: this pupil's places, their attendance and questionnaires. The intervention and its
    // sessions are shared with other pupils and stay.
    let questionnaireCount = 0;
    for (const { q, risk } of measured) {
      if (isRiskShell(q, risk)) continue;
      questionnaireCount += 1;
      const held = heldRiskAnswers(q, risk);
      if (held.length === 0) {
        await tx.delete(questionnaires).where(eq(questionnaires.id, q.id));
      } else {
        // Keep only the restricted record's part (the risk answers) until it is destroyed in turn.
        const answers = Object.fromEntries(held.map((id) => [id, q.answers[id] ?? 0]));
        await tx
          .update(questionnaires)
          .set({ answers, goals: {}, scores: null, placeId: null, status: 'complete' })
          .where(eq(questionnaires.id, q.id));
      }
    }
    const places = await tx
      .select({ id: interventionPlaces.id })
      .from(interventionPlaces)
      .where(and(eq(interventionPlaces.schoolId, schoolId), eq(interventionPlaces.pupilId, pupilId)));
    const placeIds = places.map((p) => p.id);
    let attendanceCount = 0;
    if (placeIds.length > 0) {
      const gone = await tx
        .delete(interventionAttendance)
        .where(and(eq(interventionAttendance.schoolId, schoolId), inArray(interventionAttendance.placeId, placeIds)))
        .returning({ id: interventionAttendance.sessionId });
      attendanceCount = gone.length;
      await tx.delete(interventionPlaces).where(inArray(interventionPlaces.id, placeIds));
    }
    return [
      { kind: 'place', count: placeIds.length },
      { kind: 'session-attendance', count: attendanceCount },
      { kind: 'questionnaire', count: questionnaireCount },
    ];
  },
};

/**
 * A questionnaire whose wellbeing part was destroyed while its risk answers (the restricted
 * record's part) were kept: no scores, no place, only risk answers left.
 */
function isRiskShell(
  q: { riskRaised: boolean; scores: unknown; placeId: string | null; answers: Record<string, number>; status: string },
  risk: Set<string>,
): boolean {
  const ids = Object.keys(q.answers);
  return (
    q.riskRaised &&
    q.scores === null &&
    q.placeId === null &&
    q.status === 'complete' &&
    ids.length > 0 &&
    ids.every((id) => risk.has(id))
  );
}
