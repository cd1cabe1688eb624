/** Addresses and words shared by the meeting pages. */
import { MEETING_KIND_LABELS, type MeetingKind } from '@tandem/core';
import { enc } from '../api/client';
import { pupilApi, pupilPage, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const pupilMeetingsApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/meetings`;
export const meetingApi = (schoolId: string, meetingId: string) => `${schoolApi(schoolId)}/meetings/${enc(meetingId)}`;

export const meetingPage = (schoolId: string, meetingId: string) =>
  `${schoolPage(schoolId)}/meetings/${encodeURIComponent(meetingId)}`;
export const editMeetingPage = (schoolId: string, meetingId: string) => `${meetingPage(schoolId, meetingId)}/edit`;
export const newMeetingPage = (schoolId: string, pupilId: string, planId?: string) =>
  `${pupilPage(schoolId, pupilId)}/meetings/new${planId === undefined ? '' : `?plan=${encodeURIComponent(planId)}`}`;

/** "Parent meeting for Ava Begum" */
export function meetingTitle(kind: MeetingKind, pupilName: string): string {
  return `${MEETING_KIND_LABELS[kind]} for ${pupilName}`;
}
