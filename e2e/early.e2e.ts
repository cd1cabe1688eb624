/**
 * Early identification, at 360 px and at desktop width: the Senior Mental Health Lead opens
 * "Pupils to review" and sees, for the first pupil listed, the rules that fired in plain words
 * with their figures. At 360 px the review form is sent empty and says what to answer; at desktop
 * width the lead records "Reviewed: no action" with a reason, and the pupil moves to the pupils
 * reviewed recently. Then the rules page (a rule changed and changed back) and the rates by group.
 * Every page: axe, a screenshot at the journey's width, no sideways scroll at 360 px.
 *
 * Relies on the demo listing at least one Kingsmead pupil: the demo's GAD-7 scores moving into the
 * clinical range (demo-interventions), and demo-early.ts's pupils with three concerns in six weeks.
 */
import { describe, expect, test } from 'vitest';
import { checksAtOwnWidth, newPage, useBrowser, type Viewport } from './support/browser';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** axe, a screenshot named early-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('early');

async function journey(viewport: Viewport): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;

  await lead.goto(`${schoolPath}/pupils-to-review`);
  await lead.getByRole('heading', { level: 1, name: 'Pupils to review' }).waitFor();
  const listed = lead.getByRole('region', { name: /to review$/ });
  const first = listed
    .getByRole('listitem')
    .filter({ has: lead.getByRole('heading', { level: 3 }) })
    .first();
  await first.waitFor();
  const name = (await first.getByRole('heading', { level: 3 }).innerText()).trim();
  const because = first.locator('.early__fired li').first();
  await expect(because.innerText()).resolves.toMatch(
    /^(Attendance falling|Several concerns|Questionnaire score in the clinical range|Check-ins trending down):/,
  );
  await check(lead, 'list');

  await first.getByRole('link', { name: `Review ${name}` }).click();
  await lead.getByRole('heading', { level: 1, name: `Review ${name}` }).waitFor();
  await lead.getByRole('heading', { name: `Why ${name} is listed` }).waitFor();
  await lead.getByText('The list never changes a level or makes a referral by itself.').waitFor();

  if (viewport === 'phone') {
    await lead.getByRole('button', { name: 'Record the review' }).click();
    const summary = lead.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Choose what you decided' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the reason for your decision' }).waitFor();
    await check(lead, 'review-refused');
    await lead.getByRole('link', { name: 'Back to pupils to review' }).click();
  } else {
    await check(lead, 'review');
    await lead.getByLabel('Reviewed: no action').check();
    await lead
      .getByLabel('Why?')
      .fill('Spoke with the form tutor: known and supported. Checking again after half term.');
    await lead.getByRole('button', { name: 'Record the review' }).click();
    await lead.getByText(`Review of ${name} recorded`).waitFor();
    const reviewed = lead.getByRole('region', { name: /^Reviewed in the last/ });
    await reviewed.getByRole('heading', { level: 3, name }).waitFor();
    await reviewed.getByText('Spoke with the form tutor: known and supported.', { exact: false }).waitFor();
    await check(lead, 'reviewed');
  }

  await lead.goto(`${schoolPath}/pupils-to-review/rules`);
  await lead.getByRole('heading', { level: 1, name: 'Rules for pupils to review' }).waitFor();
  const concerns = lead.getByRole('region', { name: /^Several concerns/ });
  await concerns.getByText('3 concerns or more logged in the last 6 weeks.').waitFor();
  await check(lead, 'rules');
  if (viewport === 'desktop') {
    await concerns.getByLabel('Concerns', { exact: true }).fill('4');
    await concerns.getByRole('button', { name: /^Save/ }).click();
    await concerns.getByText('4 concerns or more logged in the last 6 weeks.').waitFor();
    await concerns.getByLabel('Concerns', { exact: true }).fill('3');
    await concerns.getByRole('button', { name: /^Save/ }).click();
    await concerns.getByText('3 concerns or more logged in the last 6 weeks.').waitFor();
  } else {
    await concerns.getByLabel('Concerns', { exact: true }).fill('25');
    await concerns.getByRole('button', { name: /^Save/ }).click();
    await concerns
      .getByRole('alert')
      .getByRole('link', { name: 'Enter a whole number of concerns from 1 to 20' })
      .waitFor();
    await check(lead, 'rules-refused');
  }

  await lead.goto(`${schoolPath}/pupils-to-review/rates`);
  await lead.getByRole('heading', { level: 1, name: 'How often each rule lists pupils, by group' }).waitFor();
  await lead.getByRole('heading', { level: 2, name: /^Questionnaire score in the clinical range/ }).waitFor();
  await check(lead, 'rates');
}

describe('pupils to review', () => {
  test('at 360 px: the lead reads why a pupil is listed; an empty review says what to answer', async () => {
    await journey('phone');
  });
  test('at desktop width: the lead records "reviewed: no action", changes a rule, reads the rates', async () => {
    await journey('desktop');
  });
});
