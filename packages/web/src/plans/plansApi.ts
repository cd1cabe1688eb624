/** Addresses, words and small helpers shared by the plan pages. */
import {
  KIND_SHAREABLE_WITH_PARENTS,
  PLAN_KIND_LABELS,
  SAFETY_SCALE_MAX,
  SAFETY_SCALE_MIN,
  staffDirectoryResponse,
  type AgreementParty,
  type PlanDetailResponse,
  type PlanKind,
} from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSession, type SessionSchool } from '../auth/session';
import { listInWords } from '../components/format';
import { pupilApi, pupilPage, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const pupilPlansApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/plans`;
export const plansApi = (schoolId: string) => `${schoolApi(schoolId)}/plans`;
export const planApi = (schoolId: string, planId: string) => `${plansApi(schoolId)}/${enc(planId)}`;
export const reviewsDueApi = (schoolId: string) => `${plansApi(schoolId)}/reviews-due`;
export const staffDirectoryApi = (schoolId: string) => `${schoolApi(schoolId)}/staff-directory`;

export const planPage = (schoolId: string, planId: string) =>
  `${schoolPage(schoolId)}/plans/${encodeURIComponent(planId)}`;
export const newPlanPage = (schoolId: string, pupilId: string) => `${pupilPage(schoolId, pupilId)}/plans/new`;
export const editPlanPage = (schoolId: string, planId: string) => `${planPage(schoolId, planId)}/edit`;
export const planSharingPage = (schoolId: string, planId: string) => `${planPage(schoolId, planId)}/sharing`;
export const planVersionPage = (schoolId: string, planId: string, version: number) =>
  `${planPage(schoolId, planId)}/versions/${String(version)}`;

export const okResponse = z.object({ ok: z.literal(true) });
export const createdResponse = z.object({ id: z.uuid() });

/** Who may write, change, agree, review and end plans (the case roles). */
export function mayWritePlans(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'plan.write');
}

/** Who may see a pupil's plans and meetings in full, and the plan reviews due. */
export function mayReadPlans(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'plan.write') || schoolCan(school, 'pupil.readCase');
}

export type CasePlan = Extract<PlanDetailResponse, { view: 'case' }>;
export type StaffPlan = Extract<PlanDetailResponse, { view: 'staff' }>;
export type PlanContentOut = CasePlan['content'];

/** "Crisis plan for Ava Begum" */
export function planTitle(kind: PlanKind, pupilName: string): string {
  return `${PLAN_KIND_LABELS[kind]} for ${pupilName}`;
}

/** One line under each kind when choosing what to write. */
export const KIND_DESCRIPTIONS: Record<PlanKind, string> = {
  care: 'For a pupil with a mental or physical health need: their condition, what staff allow for, medication, and what to do in an emergency.',
  crisis:
    'After a crisis such as a hospital attendance or self-harm: warning signs, what staff must do, and whom to call. Always agreed with parents or carers.',
  risk: 'When a pupil may harm themselves or others: the risks, the triggers, the warning signs and what staff must do.',
  signs_of_safety:
    'The case team’s own working record: worries, what is working well, what needs to happen, and a safety rating from 0 to 10. Never given to staff or parents.',
};

/** The Signs of Safety scale's choices, lowest first, and what its two ends mean. */
export const SAFETY_SCALE_OPTIONS = Array.from({ length: SAFETY_SCALE_MAX - SAFETY_SCALE_MIN + 1 }, (_, i) => ({
  value: String(SAFETY_SCALE_MIN + i),
  label: String(SAFETY_SCALE_MIN + i),
}));
export const SAFETY_SCALE_HINT = `${String(SAFETY_SCALE_MIN)} means harm is certain. ${String(SAFETY_SCALE_MAX)} means everyone knows the child is safe enough to close the case.`;

/** "A parent or carer and a health professional" */
export function partiesInWords(parties: readonly AgreementParty[], labels: Record<AgreementParty, string>): string {
  return listInWords(
    parties.map((p, i) => (i === 0 ? labels[p] : labels[p].charAt(0).toLowerCase() + labels[p].slice(1))),
  );
}

/** Why parents see nothing of a plan, in one sentence. */
export function whyParentsSeeNothing(plan: {
  kind: PlanKind;
  parentShareable: boolean;
  endedAt: string | null;
  agreedVersion: number | null;
}): string {
  if (!KIND_SHAREABLE_WITH_PARENTS[plan.kind]) return 'Nothing. A Signs of Safety record is never shown to parents.';
  if (plan.endedAt !== null) return 'Nothing. The plan has ended, so it is no longer shown on the parent portal.';
  if (!plan.parentShareable) {
    return 'Nothing. The plan is not set to be shown on the parent portal. You can change this under “Change who is given it”.';
  }
  if (plan.agreedVersion === null)
    return 'Nothing yet. Parents will see the parent-facing parts once the plan is agreed.';
  return 'Nothing. None of the parts parents may see have been written.';
}

export interface StaffOption {
  userId: string;
  name: string;
  /** The signed-in person. */
  you?: boolean;
}

/** "Sam Patel (you)" */
export function staffLabel(o: StaffOption): string {
  return o.you === true ? `${o.name} (you)` : o.name;
}

/**
 * Named staff to choose from (plan lead, staff given a plan, attendees, owners). The directory is
 * read when the server allows it; otherwise the choice is you and whoever is already named. Not
 * `needed` (a page that asks no such question): nothing is read, and the options stay null.
 */
export function useStaffOptions(
  school: SessionSchool,
  known: readonly StaffOption[] = [],
  needed = true,
): { options: StaffOption[] | null; partial: boolean } {
  const { session } = useSession();
  const directory = useResource(needed ? staffDirectoryApi(school.id) : null, staffDirectoryResponse);
  if (directory.resource.status === 'loading') return { options: null, partial: false };
  const seen = new Map<string, StaffOption>();
  const me = session.user;
  if (me !== null) seen.set(me.id, { userId: me.id, name: me.displayName, you: true });
  if (directory.resource.status === 'ready') {
    for (const s of directory.resource.data.staff) {
      if (!seen.has(s.userId)) seen.set(s.userId, { userId: s.userId, name: s.displayName });
    }
  }
  for (const k of known) if (!seen.has(k.userId)) seen.set(k.userId, k);
  const options = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { options, partial: directory.resource.status === 'error' };
}
