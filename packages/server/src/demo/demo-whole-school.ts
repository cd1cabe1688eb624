/**
 * The whole-school tools in the demo: last year's and this year's self-assessment with the action
 * plan in progress, the trust's resource library with Kingsmead's own entries, the staff wellbeing
 * surveys, the training record and the policy register. Run after the staff exist.
 */
import type { Tx } from '../db/client';
import { seedDemoActions } from './demo-actions';
import { seedDemoAssessments } from './demo-assessments';
import { seedDemoPolicies } from './demo-policies';
import { seedDemoResources } from './demo-resources';
import { seedDemoStaffSurvey } from './demo-staff-survey';
import { seedDemoTraining } from './demo-training';

export async function seedWholeSchool(
  tx: Tx,
  o: { trustId: string; schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  await seedDemoResources(tx, o);
  await seedDemoPolicies(tx, o);
  await seedDemoTraining(tx, o);
  // After the policies and training: the self-assessment's evidence may cite them.
  const years = await seedDemoAssessments(tx, o);
  await seedDemoActions(tx, { ...o, ...years });
  await seedDemoStaffSurvey(tx, o);
}
