/**
 * Addresses, answers and small words shared by the staff pages of the parent and pupil portals:
 * parents and carers (invitations, stopping access), pupil accounts (set-up codes) and the portal's
 * settings. The server decides everything; the permissions here only hide what it would refuse.
 */
import {
  CHECKIN_FREQUENCIES,
  NO_ACCESS_REASONS,
  PARENT_ACCOUNT_STATES,
  PUPIL_ACCOUNT_STATES,
  YEAR_GROUP_MAX,
  YEAR_GROUP_MIN,
  yearGroupLabel,
  type FamilyContactsResponse,
  type FamilySettings,
  type ParentAccountState,
  type PupilAccountsResponse,
  type PupilAccountState,
} from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { Option } from '../components/Form';
import { listInWords } from '../components/format';
import type { TagTone } from '../components/Page';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const familyApi = (schoolId: string) => `${schoolApi(schoolId)}/family`;
export const contactsApi = (schoolId: string) => `${familyApi(schoolId)}/contacts`;
export const contactApi = (schoolId: string, contactId: string) => `${contactsApi(schoolId)}/${enc(contactId)}`;
export const pupilAccountsApi = (schoolId: string) => `${familyApi(schoolId)}/pupil-accounts`;
export const codesApi = (schoolId: string) => `${pupilAccountsApi(schoolId)}/codes`;
export const familySettingsApi = (schoolId: string) => `${familyApi(schoolId)}/settings`;

export const familiesPage = (schoolId: string) => `${schoolPage(schoolId)}/families`;
export const pupilAccountsPage = (schoolId: string) => `${schoolPage(schoolId)}/pupil-accounts`;
export const portalSettingsPage = (schoolId: string) => `${schoolPage(schoolId)}/portal-settings`;

/** Invite parents and carers, see who has signed up, give pupils their set-up codes. */
export const mayManageFamilies = (school: SessionSchool | undefined): boolean => schoolCan(school, 'family.manage');
/** Stop one parent or carer seeing a child, and give access back. */
export const mayRestrictFamilies = (school: SessionSchool | undefined): boolean => schoolCan(school, 'family.restrict');
/** Change the portal's settings. */
export const mayEditPortalSettings = (school: SessionSchool | undefined): boolean =>
  schoolCan(school, 'family.settings');
/** Read the portal's settings. */
export const mayReadPortalSettings = (school: SessionSchool | undefined): boolean =>
  mayManageFamilies(school) || mayEditPortalSettings(school);

// ---------------------------------------------------------------------------------------------
// Answers, checked as they arrive (core gives their types; these check the shape).

const nullableString = z.string().nullable();

export const familyContactsResponse = z.object({
  rows: z.array(
    z.object({
      contactId: z.string(),
      name: z.string(),
      relationship: z.string(),
      email: nullableString,
      pupilId: z.string(),
      pupilName: z.string(),
      form: z.string(),
      yearGroup: z.number(),
      state: z.enum(PARENT_ACCOUNT_STATES),
      notInvitableReason: nullableString,
      invitedAt: nullableString,
      lastSeenAt: nullableString,
      noAccess: z
        .object({
          reasonKind: z.enum(NO_ACCESS_REASONS),
          reason: z.string(),
          setAt: z.string(),
          setByName: z.string(),
        })
        .nullable(),
    }),
  ),
  nextCursor: nullableString,
  counts: z.object({
    not_invitable: z.number(),
    not_invited: z.number(),
    invited: z.number(),
    signed_up: z.number(),
    no_access: z.number(),
  }),
}) satisfies z.ZodType<FamilyContactsResponse>;

export const invitedResponse = z.object({ state: z.enum(PARENT_ACCOUNT_STATES), invitedAt: nullableString });
export const okResponse = z.object({ ok: z.literal(true) });

export const pupilAccountsResponse = z.object({
  rows: z.array(
    z.object({
      pupilId: z.string(),
      name: z.string(),
      form: z.string(),
      yearGroup: z.number(),
      state: z.enum(PUPIL_ACCOUNT_STATES),
      signInName: nullableString,
      lastSeenAt: nullableString,
    }),
  ),
  nextCursor: nullableString,
  years: z.array(z.number()),
}) satisfies z.ZodType<PupilAccountsResponse>;

export const familySettingsResponse = z.object({
  partnership: z.object({
    intro: z.string(),
    questions: z.array(z.object({ question: z.string(), answer: z.string() })),
    homeCommitments: z.array(z.string()),
  }),
  riskWords: z.array(z.string()),
  checkinFrequency: z.enum(CHECKIN_FREQUENCIES),
  helpLocation: z.string(),
  dayEndsAt: z.string(),
  pupilAccountYears: z.array(z.number()),
  version: z.number(),
  updatedAt: nullableString,
  updatedByName: nullableString,
}) satisfies z.ZodType<FamilySettings>;

// ---------------------------------------------------------------------------------------------
// Words.

const PARENT_STATE_TONES: Record<ParentAccountState, TagTone> = {
  not_invitable: 'grey',
  not_invited: 'grey',
  invited: 'blue',
  signed_up: 'green',
  no_access: 'red',
};
export const parentStateTone = (state: ParentAccountState): TagTone => PARENT_STATE_TONES[state];

const PUPIL_STATE_TONES: Record<PupilAccountState, TagTone> = {
  none: 'grey',
  code_issued: 'blue',
  active: 'green',
};
export const pupilStateTone = (state: PupilAccountState): TagTone => PUPIL_STATE_TONES[state];

/** "Year 7, Year 8 and Year 10", or "no year groups". */
export function yearsWords(years: readonly number[]): string {
  return years.length === 0 ? 'no year groups' : listInWords(years.map(yearGroupLabel));
}

/** Every year group a school may have, for filters and checkboxes. */
export const ALL_YEARS: readonly number[] = Array.from(
  { length: YEAR_GROUP_MAX - YEAR_GROUP_MIN + 1 },
  (_, i) => YEAR_GROUP_MIN + i,
);

export const YEAR_FILTER_OPTIONS: Option[] = [
  { value: '', label: 'All year groups' },
  ...ALL_YEARS.map((y) => ({ value: String(y), label: yearGroupLabel(y) })),
];

/** "Year 9, 9W" under a name. */
export function yearForm(p: { yearGroup: number; form: string }): string {
  return p.form === '' ? yearGroupLabel(p.yearGroup) : `${yearGroupLabel(p.yearGroup)}, ${p.form}`;
}
