/**
 * Journey sa (issue 13), at 360 px and at desktop width: the Senior Mental Health Lead opens the
 * self-assessment from the whole-school hub: this year's draft and last year's confirmed one are
 * listed with how far each has got, beside the year-on-year table, its CSV and its chart. She opens
 * this year's, rates a statement not yet rated and writes its evidence: it says "Not saved yet"
 * until she leaves it, then "Saved", and it is still there when the page is loaded again. An area
 * below established links to its resources and to propose an action. Every page: axe, a
 * screenshot at the journey's width, no sideways scroll at 360 px.
 */
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { openFromNav } from './support/pages';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** Each journey rates its own statement, one the demo leaves unrated. */
const STATEMENT: Record<Viewport, string> = {
  phone: 'Planning is solution-focused, with commitment and persistence.',
  desktop: 'Interventions are evidence-informed.',
};

/** axe, a screenshot named sa-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('sa');

async function journey(viewport: Viewport): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);

  await openFromNav(lead, 'Whole school', 'Whole school');
  await lead.getByRole('link', { name: 'Self-assessment', exact: true }).click();
  await lead.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor();
  const draft = lead.getByRole('link', { name: /^2026 to 2027: The county framework/ });
  await draft.waitFor();
  await lead.getByRole('link', { name: /^2025 to 2026: The county framework/ }).waitFor();
  await lead
    .getByText(/\d+ of 48 statements rated$/)
    .first()
    .waitFor();
  await lead.getByRole('table', { name: /^Each area's rating by year or term/ }).waitFor();
  const chart = lead.getByRole('figure', { name: /^Each area’s rating, by year or term/ });
  expect(await chart.getAttribute('aria-describedby')).toBe('sa-progress-table');
  await check(lead, 'list');
  const [download] = await Promise.all([
    lead.waitForEvent('download'),
    lead.getByRole('button', { name: 'Download as a spreadsheet (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  await draft.click();
  await lead.getByRole('heading', { level: 1, name: 'Self-assessment 2026 to 2027' }).waitFor();
  await lead.getByRole('navigation', { name: 'Areas' }).waitFor();
  await check(lead, 'assessment');

  // Rate a statement and write its evidence; leaving the statement saves it.
  const item = lead.locator('.sa-statements__item').filter({ hasText: STATEMENT[viewport] });
  const status = item.locator('.sa-statement__status');
  await item.getByRole('radio', { name: 'Established' }).check();
  await item
    .getByLabel('Evidence', { exact: true })
    .fill('Interventions chosen from the evidence base; reviewed each term.');
  expect(await status.textContent()).toBe('Not saved yet');
  await lead.getByRole('link', { name: 'Back to self-assessments' }).focus();
  await expect.poll(() => status.textContent()).toBe('Saved');
  await item.getByText(/^Last changed by Sam Patel on /).waitFor();

  await lead.reload();
  const again = lead.locator('.sa-statements__item').filter({ hasText: STATEMENT[viewport] });
  await again.getByText(/^Last changed by Sam Patel/).waitFor();
  expect(await again.getByRole('radio', { name: 'Established' }).isChecked()).toBe(true);
  expect(await again.getByLabel('Evidence', { exact: true }).inputValue()).toContain('evidence base');

  // A low-rated area leads to its resources and to the action plan.
  const low = lead.getByRole('region', { name: 'Voice of the child or young person' });
  await low.getByRole('link', { name: /^Resources for this area/ }).waitFor();
  const propose = low.getByRole('link', { name: /^Propose an action for Voice/ });
  expect(await propose.getAttribute('href')).toContain('/whole-school/action-plan/new?area=county.voice');
}

describe('self-assessment', () => {
  test('journey sa at 360 px', { timeout: 180_000 }, async () => {
    await journey('phone');
  });
  test('journey sa at desktop width', { timeout: 180_000 }, async () => {
    await journey('desktop');
  });
});
