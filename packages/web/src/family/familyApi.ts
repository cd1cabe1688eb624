/**
 * Addresses, answers and requests of the family portal (parents and carers, and pupils): the API
 * under /api/family, and the web pages under /family (parents) and /pupil (pupils).
 */
import {
  familyCompleteQuestionnaireResponse,
  FAMILY_MESSAGE_KINDS,
  FAMILY_MESSAGE_STATES,
  CHECKIN_FREQUENCIES,
  okResponse,
  type CheckinAnswer,
  type FamilyChildSummary,
  type FamilyCompleteQuestionnaireResponse,
  type FamilyMeResponse,
  type FamilyService,
  type HelpNowResponse,
  type ParentChildView,
  type PartnershipResponse,
  type PupilHomeResponse,
  type PupilSetUpResponse,
  type SessionResponse,
  VISIT_KINDS,
} from '@tandem/core';
import { z } from 'zod';
import { apiPost, apiPut, enc } from '../api/client';
import { useResource } from '../api/useResource';
import type { AnswerSaver } from '../questionnaires/questionnaireRequests';

// ---------------------------------------------------------------------------------------------
// Addresses.

export const familyApi = '/api/family';
export const familySchoolApi = (schoolId: string) => `${familyApi}/schools/${enc(schoolId)}`;
export const childApi = (schoolId: string, pupilId: string) => `${familySchoolApi(schoolId)}/children/${enc(pupilId)}`;
export const letterPdfApi = (schoolId: string, pupilId: string, letterId: string) =>
  `${childApi(schoolId, pupilId)}/letters/${enc(letterId)}/pdf`;
export const familyQuestionnaireApi = (schoolId: string, questionnaireId: string) =>
  `${familySchoolApi(schoolId)}/questionnaires/${enc(questionnaireId)}`;

const e = encodeURIComponent;
export const familyHomePage = '/family';
export const familySettingsPage = '/family/settings';
export const childPage = (schoolId: string, pupilId: string) => `/family/schools/${e(schoolId)}/children/${e(pupilId)}`;
export const tellPage = (schoolId: string, pupilId: string) => `${childPage(schoolId, pupilId)}/tell`;
export const askSupportPage = (schoolId: string, pupilId: string) => `${childPage(schoolId, pupilId)}/ask-for-support`;
export const partnershipPage = (schoolId: string) => `/family/schools/${e(schoolId)}/partnership`;
export const familyServicesPage = (schoolId: string) => `/family/schools/${e(schoolId)}/services`;
export const parentQuestionnairePage = (schoolId: string, pupilId: string, questionnaireId: string) =>
  `${childPage(schoolId, pupilId)}/questionnaires/${e(questionnaireId)}`;

export const pupilHomePage = '/pupil';
export const pupilHelpPage = '/pupil/help';
export const pupilQuestionnairePage = (questionnaireId: string) => `/pupil/questionnaires/${e(questionnaireId)}`;
export const pupilSetUpPage = '/set-up';

// ---------------------------------------------------------------------------------------------
// Who the signed-in person is, from the session alone (see also familyHome.ts).

/** The school in which the signed-in person is a pupil (a pupil has one). */
export function pupilSchoolOf(session: SessionResponse): SessionResponse['schools'][number] | undefined {
  return session.schools.find((s) => s.roles.includes('pupil'));
}

// ---------------------------------------------------------------------------------------------
// Answers, checked as they arrive. Each schema is typed against core's interface, so the two
// cannot drift apart without the compiler saying so.

const childSummary: z.ZodType<FamilyChildSummary> = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  pupilId: z.string(),
  name: z.string(),
  firstName: z.string(),
  yearLabel: z.string(),
});

export const familyMeResponse: z.ZodType<FamilyMeResponse> = z.object({
  kind: z.enum(['parent', 'pupil']),
  displayName: z.string(),
  children: z.array(childSummary),
  emailNews: z.boolean(),
});

export const preferencesResponse = z.object({ emailNews: z.boolean() });

const timetablePart = z.object({
  hours: z.string(),
  sessionsPerWeek: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  returnPlan: z.string(),
  nextReviewOn: z.string().nullable(),
});
const visitPart = z.object({ at: z.string(), kind: z.enum(VISIT_KINDS), seen: z.boolean() });

export const parentChildView: z.ZodType<ParentChildView> = z.object({
  child: childSummary,
  reducedTimetables: z.array(timetablePart),
  welfareVisits: z.array(visitPart),
  level: z
    .object({
      code: z.string().nullable(),
      name: z.string(),
      summary: z.string(),
      homeToDo: z.array(z.string()),
      schoolDoes: z.array(z.string()),
      since: z.string().nullable(),
    })
    .nullable(),
  plans: z.array(
    z.object({
      id: z.string(),
      kindLabel: z.string(),
      version: z.number(),
      agreedOn: z.string(),
      reviewDue: z.string(),
      sections: z.array(z.object({ label: z.string(), text: z.string() })),
      contacts: z.array(z.object({ name: z.string(), relationship: z.string(), phone: z.string() })),
      readAt: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      kindLabel: z.string(),
      heldAt: z.string(),
      place: z.string(),
      upcoming: z.boolean(),
      nextSteps: z.array(
        z.object({
          description: z.string(),
          ownerName: z.string(),
          dueOn: z.string(),
          done: z.boolean(),
          theirs: z.boolean(),
        }),
      ),
    }),
  ),
  interventions: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      state: z.enum(['in', 'waiting']),
      dayLabel: z.string(),
      startedOn: z.string().nullable(),
      position: z.number().nullable(),
      expectedStart: z.string().nullable(),
    }),
  ),
  referrals: z.array(
    z.object({
      id: z.string(),
      serviceLabel: z.string(),
      stateLabel: z.string(),
      sentOn: z.string().nullable(),
      waitedDays: z.number().nullable(),
      firstAppointmentOn: z.string().nullable(),
      whileYouWait: z.array(z.object({ name: z.string(), how: z.string(), url: z.string().nullable() })),
    }),
  ),
  questionnaires: z.array(
    z.object({ id: z.string(), title: z.string(), dueOn: z.string().nullable(), started: z.boolean() }),
  ),
  letters: z.array(
    z.object({ id: z.string(), sharedAt: z.string(), levelName: z.string(), readAt: z.string().nullable() }),
  ),
  supportOffers: z.array(z.object({ interventionId: z.string(), name: z.string(), description: z.string() })),
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(FAMILY_MESSAGE_KINDS),
      text: z.string(),
      sentAt: z.string(),
      state: z.enum(FAMILY_MESSAGE_STATES),
      readAt: z.string().nullable(),
      interventionName: z.string().nullable(),
    }),
  ),
});

export const partnershipResponse: z.ZodType<PartnershipResponse> = z.object({
  schoolName: z.string(),
  statement: z.object({
    intro: z.string(),
    questions: z.array(z.object({ question: z.string(), answer: z.string() })),
    homeCommitments: z.array(z.string()),
  }),
});

export const servicesResponse: z.ZodType<{ services: FamilyService[] }> = z.object({
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      phone: z.string(),
      url: z.string().nullable(),
      openingHours: z.string(),
      selfReferral: z.boolean(),
      howToRefer: z.string(),
    }),
  ),
});

export const pupilHomeResponse: z.ZodType<PupilHomeResponse> = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  firstName: z.string(),
  frequency: z.enum(CHECKIN_FREQUENCIES),
  checkinDue: z.boolean(),
  trustedAdultName: z.string().nullable(),
  checkins: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      mood: z.number(),
      note: z.string(),
      wantsToTalk: z.boolean(),
      readAt: z.string().nullable(),
    }),
  ),
  questionnaires: z.array(
    z.object({ id: z.string(), title: z.string(), dueOn: z.string().nullable(), started: z.boolean() }),
  ),
  myPlan: z.object({ planId: z.string(), text: z.string(), agreedOn: z.string() }).nullable(),
  myTimetable: timetablePart.nullable(),
  myVisits: z.array(visitPart),
});

export const helpNowResponse: z.ZodType<HelpNowResponse> = z.object({
  onDuty: z.array(z.object({ name: z.string() })),
  whereToFind: z.string(),
});

export const checkinAnswer: z.ZodType<CheckinAnswer> = z.object({
  id: z.string(),
  helpNow: z.boolean(),
  talkToName: z.string().nullable(),
});

export const pupilSetUpResponse: z.ZodType<PupilSetUpResponse> = z.object({
  firstName: z.string(),
  signInName: z.string(),
  token: z.string(),
});

export const idResponse = z.object({ id: z.string() });
export const confirmedResponse = z.object({ confirmedAt: z.string() });

// ---------------------------------------------------------------------------------------------
// Loading.

export function useFamilyMe() {
  return useResource(familyApi + '/me', familyMeResponse);
}

export function useChildView(schoolId: string, pupilId: string) {
  return useResource(childApi(schoolId, pupilId), parentChildView);
}

// ---------------------------------------------------------------------------------------------
// Requests.

/** A key for one draft, sent with it: a second press (or a retry after a lost answer) makes one. */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}

export function confirmRead(
  schoolId: string,
  pupilId: string,
  body: { item: 'plan' | 'letter'; itemId: string; version: number },
) {
  return apiPost(`${childApi(schoolId, pupilId)}/confirmations`, body, confirmedResponse);
}

export function savePreferences(emailNews: boolean) {
  return apiPut(`${familyApi}/preferences`, { emailNews }, preferencesResponse);
}

/**
 * Answers a questionnaire through the family API (the same bodies as the staff routes). What the
 * last `complete` answered (whether to show "Help now") is kept on the saver.
 */
export function familySaver(
  schoolId: string,
  questionnaireId: string,
): AnswerSaver & { finished: () => FamilyCompleteQuestionnaireResponse | null } {
  const base = familyQuestionnaireApi(schoolId, questionnaireId);
  let last: FamilyCompleteQuestionnaireResponse | null = null;
  return {
    saveAnswer: async (itemId, value) => {
      await apiPut(`${base}/answers/${enc(itemId)}`, { value }, okResponse);
    },
    saveGoal: async (itemId, text) => {
      await apiPut(`${base}/goals/${enc(itemId)}`, { text }, okResponse);
    },
    complete: async () => {
      last = await apiPost(`${base}/complete`, {}, familyCompleteQuestionnaireResponse);
      return last;
    },
    finished: () => last,
  };
}
