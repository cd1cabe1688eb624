/** Addresses, answers and small words shared by the intervention pages. */
import {
  INTERVENTION_FORMAT_LABELS,
  INTERVENTION_STATUS_LABELS,
  SESSION_DAY_LABELS,
  type InterventionDetail,
  type InterventionStatus,
  type InterventionSummary,
} from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import { countOf, listInWords } from '../components/format';
import type { TagTone } from '../components/Page';
import { pupilApi, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const interventionsApi = (schoolId: string) => `${schoolApi(schoolId)}/interventions`;
export const interventionApi = (schoolId: string, interventionId: string) =>
  `${interventionsApi(schoolId)}/${enc(interventionId)}`;
export const placeApi = (schoolId: string, interventionId: string, placeId: string) =>
  `${interventionApi(schoolId, interventionId)}/places/${enc(placeId)}`;
export const outcomesApi = (schoolId: string) => `${schoolApi(schoolId)}/intervention-outcomes`;
export const pupilPlacesApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/interventions`;

export const interventionsPage = (schoolId: string) => `${schoolPage(schoolId)}/interventions`;
export const newInterventionPage = (schoolId: string) => `${interventionsPage(schoolId)}/new`;
export const interventionPage = (schoolId: string, interventionId: string) =>
  `${interventionsPage(schoolId)}/${encodeURIComponent(interventionId)}`;
export const editInterventionPage = (schoolId: string, interventionId: string) =>
  `${interventionPage(schoolId, interventionId)}/edit`;
export const outcomesPage = (schoolId: string) => `${schoolPage(schoolId)}/intervention-outcomes`;
export { questionnairePage } from '../questionnaires/questionnairesApi';

export const okResponse = z.object({ ok: z.literal(true) });
export const createdResponse = z.object({ id: z.string() });
export const allocatedResponse = z.object({ id: z.string(), baselineQuestionnaireId: z.string().nullable() });
export const endedResponse = z.object({ id: z.string(), followUpQuestionnaireId: z.string().nullable() });

/** Who keeps the catalogue and orders waiting lists (the Senior Mental Health Lead). */
export function mayManageInterventions(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'intervention.manage');
}

/** Who may read the lead's outcomes view: the lead and the headteacher (the server decides). */
export function mayReadOutcomes(school: SessionSchool | undefined): boolean {
  return mayManageInterventions(school) || (school?.roles.includes('headteacher') ?? false);
}

export type Detail = InterventionDetail;
export type InPlace = Detail['inPlaces'][number];
export type WaitingPlace = Detail['waiting'][number];
export type PastPlace = Detail['past'][number];

/** Called after a change on the intervention's page: shows the banner and loads the page again. */
export type Changed = (title: string, text?: string) => void;

/** What each section of the intervention's page is given; `panel` is the one form open on the page. */
export interface SectionProps {
  school: SessionSchool;
  data: Detail;
  onDone: Changed;
  panel: string | null;
  onPanel: (panel: string | null) => void;
}

/** The key of a row's form in `panel`: "row:<placeId>:<action>". */
export const rowPanel = (placeId: string, action: string) => `row:${placeId}:${action}`;

/** Which of a row's forms is open, from the page's `panel`. */
export function rowOpen(panel: string | null, placeId: string): string | null {
  const prefix = `row:${placeId}:`;
  return panel?.startsWith(prefix) === true ? panel.slice(prefix.length) : null;
}

const STATUS_TONES: Record<InterventionStatus, TagTone> = { running: 'green', paused: 'yellow', retired: 'grey' };
export const statusTone = (status: InterventionStatus): TagTone => STATUS_TONES[status];
export const statusLabel = (status: InterventionStatus): string => INTERVENTION_STATUS_LABELS[status];

/** "3 of 6 places taken" */
export function placesWords(i: Pick<InterventionSummary, 'inCount' | 'places'>): string {
  return `${String(i.inCount)} of ${countOf(i.places, 'place')} taken`;
}

/** "Group, Tuesdays, 6 sessions of 45 minutes" */
export function scheduleWords(
  i: Pick<InterventionSummary, 'format' | 'sessionDay' | 'sessionCount' | 'sessionMinutes'>,
): string {
  return `${INTERVENTION_FORMAT_LABELS[i.format]}, ${SESSION_DAY_LABELS[i.sessionDay]}s, ${countOf(i.sessionCount, 'session')} of ${String(i.sessionMinutes)} minutes`;
}

/** "Grace Lee and Sam Patel", or a word when no one is named. */
export function staffWords(staff: readonly { name: string }[]): string {
  return staff.length === 0 ? 'No one named' : listInWords(staff.map((s) => s.name));
}

/** A fresh key for a form that creates something, so a double press or a retry creates one. */
export const newSubmissionKey = (): string => crypto.randomUUID();
