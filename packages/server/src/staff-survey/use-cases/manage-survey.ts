/**
 * The head or SMHL prepares a survey, changes it while it is a draft, opens it (the audience is
 * fixed then: who is invited and in which group), closes it, and reminds those who have not
 * answered. Counts only: nothing here reads a response.
 */
import { randomBytes } from 'node:crypto';
import {
  AppError,
  BUILT_IN_STATEMENTS,
  londonToday,
  staffGroupOf,
  type SurveyInput,
  type SurveyStatement,
} from '@tandem/core';
import { staffSurveyParticipants, staffSurveys } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { staffOfSchool } from '../../platform/directory';
import { queueMail } from '../../mail/outbox';
import { loadSurvey, notAnswered } from '../staff-survey.queries';

const SUBJECT = { type: 'staff_survey' as const };

function statementsOf(input: SurveyInput['statements']): SurveyStatement[] {
  if (!input) return [...BUILT_IN_STATEMENTS];
  const out = input.map((s) => ({ key: s.key ?? `custom.${randomBytes(5).toString('hex')}`, text: s.text }));
  if (new Set(out.map((s) => s.key)).size !== out.length) {
    throw new AppError('bad_request', 'duplicate statement keys', {
      userMessage: 'Each statement may be listed once.',
      fields: [{ path: 'statements', message: 'Each statement may be listed once' }],
    });
  }
  return out;
}

function notDraft(): AppError {
  return new AppError('conflict', 'survey not a draft', {
    userMessage: 'This survey has been opened, so it can no longer be changed.',
  });
}

export async function createSurvey(deps: AppDeps, at: SchoolRequest, input: SurveyInput) {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const [row] = await s.tx
      .insert(staffSurveys)
      .values({
        schoolId: s.schoolId,
        title: input.title,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        groups: input.groups,
        statements: statementsOf(input.statements),
        createdBy: s.actor.userId,
        createdAt: s.now,
      })
      .returning({ id: staffSurveys.id });
    if (!row) throw new Error('survey not inserted');
    await s.audit({ action: 'survey.created', detail: {} }, { ...SUBJECT, id: row.id });
    return { id: row.id };
  });
}

export async function changeSurvey(deps: AppDeps, at: SchoolRequest, surveyId: string, input: SurveyInput) {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId, true);
    if (row.status !== 'draft') throw notDraft();
    const next = {
      title: input.title,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      groups: input.groups,
      statements: input.statements ? statementsOf(input.statements) : row.statements,
    };
    const fields = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(row[k]),
    );
    await s.tx.update(staffSurveys).set(next).where(eq(staffSurveys.id, row.id));
    await s.audit({ action: 'survey.changed', detail: { fields } }, { ...SUBJECT, id: row.id });
    return { id: row.id };
  });
}

async function mailTo(s: SchoolWork, emails: string[], surveyId: string, reminder: boolean): Promise<void> {
  const link = `${s.deps.config.publicUrl}/schools/${s.schoolId}/whole-school/survey/${surveyId}/answer`;
  const subject = reminder
    ? 'A reminder from Tandem: the staff wellbeing survey is still open'
    : 'You are invited to a staff wellbeing survey in Tandem';
  const text = [
    reminder
      ? 'The anonymous staff wellbeing survey is still open, if you would like to answer it.'
      : 'You are invited to answer a short, anonymous staff wellbeing survey.',
    '',
    'Sign in to Tandem to answer it:',
    link,
  ].join('\n');
  await queueMail(
    s,
    emails.map((to) => ({ to, subject, text })),
  );
}

export async function openSurvey(deps: AppDeps, at: SchoolRequest, surveyId: string) {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId, true);
    if (row.status !== 'draft') throw notDraft();
    if (row.closesOn < londonToday(s.now)) {
      throw new AppError('bad_request', 'closes in the past', {
        userMessage: 'The closing date has passed. Change it before opening the survey.',
        fields: [{ path: 'closesOn', message: 'The closing date must be today or later' }],
      });
    }
    const invited = (await staffOfSchool(s.tx, s.schoolId))
      .map((p) => ({ ...p, group: staffGroupOf(p.roles) }))
      .filter((p): p is typeof p & { group: NonNullable<typeof p.group> } => p.group !== null)
      .filter((p) => row.groups.includes(p.group));
    if (invited.length === 0) {
      throw new AppError('bad_request', 'nobody to invite', {
        userMessage: 'Nobody on the staff list is in the groups chosen.',
        fields: [{ path: 'groups', message: 'Choose groups that have staff in them' }],
      });
    }
    await s.tx
      .insert(staffSurveyParticipants)
      .values(invited.map((p) => ({ schoolId: s.schoolId, surveyId: row.id, userId: p.id, group: p.group })));
    await s.tx.update(staffSurveys).set({ status: 'open', openedAt: s.now }).where(eq(staffSurveys.id, row.id));
    await s.audit({ action: 'survey.opened', detail: { invited: invited.length } }, { ...SUBJECT, id: row.id });
    await mailTo(
      s,
      invited.map((p) => p.email),
      row.id,
      false,
    );
    return { invited: invited.length };
  });
}

export async function closeSurvey(deps: AppDeps, at: SchoolRequest, surveyId: string) {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId, true);
    if (row.status !== 'open') {
      throw new AppError('conflict', 'survey not open', { userMessage: 'Only an open survey can be closed.' });
    }
    await s.tx.update(staffSurveys).set({ status: 'closed', closedAt: s.now }).where(eq(staffSurveys.id, row.id));
    await s.audit({ action: 'survey.closed', detail: {} }, { ...SUBJECT, id: row.id });
    return { ok: true as const };
  });
}

export async function remindSurvey(deps: AppDeps, at: SchoolRequest, surveyId: string) {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId);
    if (row.status !== 'open') {
      throw new AppError('conflict', 'survey not open', { userMessage: 'Only an open survey can be reminded about.' });
    }
    const waiting = new Set((await notAnswered(s.tx, s.schoolId, row.id)).map((p) => p.userId));
    const emails = (await staffOfSchool(s.tx, s.schoolId)).filter((p) => waiting.has(p.id)).map((p) => p.email);
    await s.audit({ action: 'survey.reminded', detail: { reminded: emails.length } }, { ...SUBJECT, id: row.id });
    await mailTo(s, emails, row.id, true);
    return { reminded: emails.length };
  });
}
