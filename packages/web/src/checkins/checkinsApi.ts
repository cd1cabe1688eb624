/**
 * Addresses and answers of the staff side of pupils' check-ins: the pupils who asked to talk to
 * someone, a pupil's check-ins and their trusted adult.
 */
import type { StaffCheckinsResponse, TalkRequest, TalkRequestsResponse, TrustedAdultResponse } from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { pupilApi, schoolApi } from '../pupils/pupilsApi';

export { talkRequestsPage } from './checkinsPages';

export const talkRequestsApi = (schoolId: string) => `${schoolApi(schoolId)}/talk-requests`;
export const acknowledgeApi = (schoolId: string, checkinId: string) =>
  `${talkRequestsApi(schoolId)}/${enc(checkinId)}/acknowledge`;
export const pupilCheckinsApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/checkins`;
export const trustedAdultApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/trusted-adult`;

const nullableString = z.string().nullable();

export const talkRequestSchema = z.object({
  checkinId: z.string(),
  pupilId: z.string(),
  pupilName: z.string(),
  form: z.string(),
  at: z.string(),
  mood: z.number(),
  note: z.string(),
  talkToName: nullableString,
  escalated: z.boolean(),
  acknowledgedAt: nullableString,
  acknowledgedByName: nullableString,
}) satisfies z.ZodType<TalkRequest>;

export const talkRequestsResponse = z.object({
  waiting: z.array(talkRequestSchema),
  recent: z.array(talkRequestSchema),
}) satisfies z.ZodType<TalkRequestsResponse>;

const person = z.object({ userId: z.string(), name: z.string() });
export const trustedAdultResponse = z.object({
  chosen: person.nullable(),
  effective: person.extend({ why: z.enum(['chosen', 'tutor', 'lead']) }).nullable(),
  candidates: z.array(person.extend({ roleLabel: z.string() })),
}) satisfies z.ZodType<TrustedAdultResponse>;

export const staffCheckinsResponse = z.object({
  checkins: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      mood: z.number(),
      note: z.string(),
      wantsToTalk: z.boolean(),
      readAt: nullableString,
      acknowledgedByName: nullableString,
      escalated: z.boolean(),
      riskRaised: z.boolean(),
    }),
  ),
}) satisfies z.ZodType<StaffCheckinsResponse>;

export const TRUSTED_ADULT_WHY: Record<'chosen' | 'tutor' | 'lead', string> = {
  chosen: 'chosen by the Senior Mental Health Lead or DSL',
  tutor: 'their tutor, as no one has been chosen',
  lead: 'the Senior Mental Health Lead, as no one has been chosen and they have no tutor',
};
