/**
 * A questionnaire answered in the family portal: by a parent or carer (respondent 'parent') or by
 * the pupil themself (respondent 'pupil'). The same answers, checks, audit and urgent route as the
 * staff path (answer-questionnaire.ts, complete-questionnaire.ts); only who may answer differs.
 * Anyone else gets 404, exactly as for a questionnaire that does not exist: staff (who answer on
 * the staff routes), a parent of another child or flagged "no access", another pupil, and a parent
 * opening the pupil's own questionnaire (or the other way round).
 *
 * What comes back is less than staff see. A pupil never receives scores (as on a device handed to
 * them). No family reader receives the safety message meant for the member of staff with the pupil,
 * nor who is on DSL duty: a risk answer opens the urgent route and the answer says only `helpNow`,
 * so the page shows "Help now" at once.
 */
import {
  AppError,
  canInSchool,
  type FamilyCompleteQuestionnaireResponse,
  type MeasureDefinition,
  type Questionnaire,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName, type PupilRow } from '../../platform/directory';
import { FAMILY_PORTALS, familyReaderFor } from '../../platform/family-access';
import { inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import type { FamilyReader } from '../../platform/registries';
import { findMeasure } from '../measures';
import { questionnaireOf } from '../questionnaires.mapping';
import { interventionOfPlace, loadQuestionnaire, type QuestionnaireRow } from '../questionnaires.queries';
import { answerItemIn, setGoalIn, type QuestionnaireGuard } from './answer-questionnaire';
import { completeIn, type AnsweringContext } from './complete-questionnaire';

const PORTAL = FAMILY_PORTALS;
const NOT_FOUND = () => new AppError('not_found', 'questionnaire not asked of this reader');

/**
 * The family gate: staff hold no portal permission and get 404 (not 403) on these routes, as a
 * questionnaire not asked of them; a parent or pupil then passes the gate's own check.
 */
function inFamily<T>(deps: AppDeps, at: SchoolRequest, work: (s: SchoolWork) => Promise<T>): Promise<T> {
  if (!PORTAL.some((p) => canInSchool(at.actor, p, at.schoolId))) throw NOT_FOUND();
  return inSchool(deps, at, PORTAL, work);
}

/** The reader of this questionnaire: a family reader of its pupil, of whom it is asked; else 404. */
async function familyReaderOf(s: SchoolWork, q: Pick<QuestionnaireRow, 'pupilId' | 'respondent'>) {
  const reader = await familyReaderFor(s, q.pupilId);
  if (q.respondent !== reader.as) throw NOT_FOUND();
  return reader;
}

const familyGuard: QuestionnaireGuard = (s, q) => familyReaderOf(s, q);

/** Where it was answered, for the urgent concern a risk answer opens (the restricted record holds it). */
function answeredAt(reader: FamilyReader): AnsweringContext {
  if (reader.as === 'pupil') {
    return {
      location: (m) => `Answering a questionnaire (${m.shortName}) on their own, in Tandem's pupil portal`,
      opening: (m) =>
        `While answering the ${m.name} questionnaire on their own in Tandem, the pupil gave an answer that must not wait:`,
    };
  }
  return {
    location: (m) => `Answering a questionnaire (${m.shortName}) in Tandem's parent portal`,
    opening: (m) =>
      `While answering the ${m.name} questionnaire in Tandem, the pupil's parent or carer (${reader.actor.displayName}) gave an answer that must not wait:`,
  };
}

/** The questionnaire as a family reader sees it: never the safety message, never scores (staff read those, with the measure's bands). */
function forFamily(
  q: QuestionnaireRow,
  o: { measure: MeasureDefinition; reader: FamilyReader; pupil: PupilRow },
  intervention: { id: string; name: string } | null,
): Questionnaire {
  const answer = questionnaireOf(q, {
    measure: o.measure,
    pupilFirstName: o.pupil.preferredName ?? o.pupil.givenName,
    pupilName: pupilName(o.pupil),
    urgentMessage: null,
    onDuty: [],
    interventionName: intervention?.name ?? null,
    interventionId: intervention?.id ?? null,
    handedToPupil: false,
    // A risk answer, once raised, is in the restricted record: not shown back, as to staff outside the DSL team.
    hideRiskAnswers: true,
  });
  return { ...answer, riskRaised: false, scores: null };
}

/** Open a questionnaire asked of this parent or pupil (audited as the staff path is). */
export async function getFamilyQuestionnaire(deps: AppDeps, at: SchoolRequest, id: string): Promise<Questionnaire> {
  return inFamily(deps, at, async (s) => {
    const q = await loadQuestionnaire(s.tx, s.schoolId, id);
    const reader = await familyReaderOf(s, q);
    const measure = await findMeasure(s.tx, s.schoolId, q.measureKey, q.measureVersion);
    if (!measure) throw new AppError('internal', `measure ${q.measureKey}@${q.measureVersion} missing`);
    const pupil = await loadPupilInSchool(s.tx, s.schoolId, q.pupilId);
    const intervention = await interventionOfPlace(s.tx, s.schoolId, q.placeId);
    await s.audit(
      { action: 'questionnaire.viewed', detail: { pupilId: q.pupilId, status: q.status } },
      { type: 'questionnaire', id },
    );
    return forFamily(q, { measure, reader, pupil }, intervention);
  });
}

/** Keep one answer as it is given. */
export async function answerFamilyItem(deps: AppDeps, at: SchoolRequest, id: string, itemId: string, value: number) {
  return inFamily(deps, at, (s) => answerItemIn(s, id, itemId, value, familyGuard));
}

/** Goal Based Outcomes: a goal in their own words (empty text removes it). */
export async function setFamilyGoal(deps: AppDeps, at: SchoolRequest, id: string, itemId: string, text: string) {
  return inFamily(deps, at, (s) => setGoalIn(s, id, itemId, text, familyGuard));
}

/**
 * Finish and score. A risk answer opens the urgent route exactly as on the staff path (an urgent
 * concern in the restricted record, the DSL team alerted) and the answer says `helpNow`.
 */
export async function completeFamilyQuestionnaire(
  deps: AppDeps,
  at: SchoolRequest,
  id: string,
): Promise<FamilyCompleteQuestionnaireResponse> {
  return inFamily(deps, at, async (s) => {
    const reader = await familyReaderOf(s, await loadQuestionnaire(s.tx, s.schoolId, id));
    const { q } = await completeIn(s, id, familyGuard, answeredAt(reader));
    return {
      status: q.status,
      scores: [],
      riskRaised: false,
      urgentMessage: null,
      onDuty: [],
      helpNow: q.riskRaised,
    };
  });
}
