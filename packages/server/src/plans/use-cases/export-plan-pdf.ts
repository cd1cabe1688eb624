import { AppError } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, schoolNameOf } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { planPdfInputOf } from '../plans.mapping';
import { planPdfFilename, renderPlanPdf } from '../plans.pdf';
import { agreementsToVersion, leadName, loadPlan, loadVersion, planAccessFor, reviewsInOrder } from '../plans.queries';
import { requireVisible } from '../plans.rules';

/** The plan as a PDF: case roles any version, staff given it the current staff view. Audited. */
export async function exportPlanPdf(
  deps: AppDeps,
  at: SchoolRequest,
  planId: string,
  version: number | undefined,
): Promise<{ pdf: Buffer; filename: string }> {
  const { input, filename } = await inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const plan = await loadPlan(tx, schoolId, planId);
    const access = await planAccessFor(tx, actor, plan);
    requireVisible(access);
    const wanted = version ?? plan.version;
    if (access === 'staff' && wanted !== plan.version) throw new AppError('not_found', 'version not visible');
    const pupil = await loadPupilInSchool(tx, schoolId, plan.pupilId);
    const v = await loadVersion(tx, planId, wanted);
    const lead = await leadName(tx, plan.leadUserId);
    // Staff given the plan print its staff sections only: no agreements, no reviews.
    const caseView = access === 'case';
    const agreements = caseView ? await agreementsToVersion(tx, planId, wanted) : [];
    const reviews = caseView ? await reviewsInOrder(tx, planId) : [];
    const schoolName = await schoolNameOf(tx, schoolId);
    await s.audit({ action: 'plan.exported', detail: { version: wanted, view: access } }, { type: 'plan', id: planId });
    const input = planPdfInputOf({
      schoolName,
      date: now,
      preparedBy: actor.displayName,
      access,
      plan,
      pupil,
      version: v,
      leadName: lead,
      agreements,
      reviews,
    });
    return { input, filename: planPdfFilename(plan.kind, pupil.familyName, pupil.givenName, wanted, now) };
  });
  // Drawn once the transaction has committed, so it is not held open while the PDF is laid out.
  return { pdf: await renderPlanPdf(input), filename };
}
