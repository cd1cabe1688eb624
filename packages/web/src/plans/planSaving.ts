/**
 * Saving a plan from the editor: a new plan (version 1) or a change (the next version). Each is
 * checked first with the core schema the server uses, the kind's own rules and the review date;
 * then sent, and the answer says which page to show next and what to tell the user there.
 */
import {
  checkContentForKind,
  createPlanBody,
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  partiesRequiredFor,
  PLAN_KIND_LABELS,
  planMutationResponse,
  revisePlanBody,
  type PlanKind,
} from '@tandem/core';
import type { z } from 'zod';
import { apiPost, apiPut } from '../api/client';
import { dateProblems } from '../components/DateInput';
import { countOf } from '../components/format';
import type { FieldError } from '../components/formErrors';
import type { Flash } from '../router/router';
import { planApi, planPage, pupilPlansApi } from './plansApi';
import { contentFromValues, type PlanFormValues } from './planValues';

/** A plan ready to send, or the problems to show in the form. */
export type PlanSave =
  | { ok: true; send: () => Promise<{ to: string; flash: Flash }> }
  | { ok: false; issues: readonly z.core.$ZodIssue[]; own: FieldError[] };

function reviewDateProblems(values: PlanFormValues): FieldError[] {
  return dateProblems([{ path: 'reviewDue', value: values.reviewDue, what: 'Review date' }]);
}

/**
 * A schema's answer and the form's own checks as one: the own checks' words win for the fields
 * they name (see fieldErrors in formErrors.ts).
 */
function checked<T>(result: z.ZodSafeParseResult<T>, own: FieldError[], send: (data: T) => PlanSave): PlanSave {
  if (!result.success || own.length > 0) {
    return { ok: false, issues: result.success ? [] : result.error.issues, own };
  }
  return send(result.data);
}

/**
 * A new plan for a pupil, written by the signed-in person (who becomes its lead). The form's
 * submission key goes with it, so a double click or a retry after a dropped connection makes one.
 */
export function newPlanSave(
  schoolId: string,
  pupilId: string,
  values: PlanFormValues,
  submissionKey: string,
): PlanSave {
  const kind = values.kind === '' ? undefined : values.kind;
  const toStaff = kind !== undefined && KIND_SHAREABLE_WITH_STAFF[kind];
  const candidate = {
    kind,
    content: kind === undefined ? {} : contentFromValues(values, kind),
    reviewDue: values.reviewDue,
    agreementsNeeded: kind === undefined ? values.agreementsNeeded : partiesRequiredFor(kind, values.agreementsNeeded),
    shareWithTeaching: toStaff && values.shareWithTeaching,
    sharedWith: toStaff ? values.sharedWith.map((s) => s.userId) : [],
    parentShareable: kind !== undefined && KIND_SHAREABLE_WITH_PARENTS[kind] && values.parentShareable,
    submissionKey,
  };
  return checked(createPlanBody.safeParse(candidate), reviewDateProblems(values), (data) => ({
    ok: true,
    send: async () => {
      const result = await apiPost(pupilPlansApi(schoolId, pupilId), data, planMutationResponse);
      const needed = data.agreementsNeeded.length;
      return {
        to: planPage(schoolId, result.id),
        flash: {
          kind: 'success',
          title: `${PLAN_KIND_LABELS[data.kind]} saved as version 1`,
          text:
            needed === 0
              ? 'When the case team has agreed it, mark it as agreed.'
              : `Record the agreement of each person who must agree it (${countOf(needed, 'person', 'people')}), then mark it as agreed.`,
        },
      };
    },
  }));
}

/** The next version of a plan, made from `fromVersion` (the one changed, or a newer one). */
export function planChangeSave(
  schoolId: string,
  plan: { id: string; kind: PlanKind },
  values: PlanFormValues,
  fromVersion: number,
): PlanSave {
  const content = contentFromValues(values, plan.kind);
  const parsed = revisePlanBody.safeParse({
    version: fromVersion,
    content,
    reviewDue: values.reviewDue,
    agreementsNeeded: partiesRequiredFor(plan.kind, values.agreementsNeeded),
    reason: values.reason,
  });
  // The kind's own checks say more than the schema's general ones for the same field.
  const own: FieldError[] = [];
  checkContentForKind(plan.kind, content, {
    addIssue: (issue) => {
      own.push({ path: issue.path.map(String).join('.'), message: issue.message });
    },
  });
  own.push(...reviewDateProblems(values));
  return checked(parsed, own, (data) => ({
    ok: true,
    send: async () => {
      const result = await apiPut(planApi(schoolId, plan.id), data, planMutationResponse);
      return {
        to: planPage(schoolId, plan.id),
        flash: {
          kind: 'success',
          title: `${PLAN_KIND_LABELS[plan.kind]} changed: this is now version ${String(result.version)}`,
          text:
            result.status === 'agreed'
              ? 'Staff given the plan will be asked to read the new version.'
              : 'It needs agreeing again. Staff given the plan will be asked to read the new version.',
        },
      };
    },
  }));
}
