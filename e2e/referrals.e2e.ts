/**
 * Journey r (issue 11), at 360 px and at desktop width: the Senior Mental Health Lead opens the
 * services directory from the navigation and searches it by need and age: the local bereavement
 * service is there, the services for over-11s are not. She opens a pupil, starts a CAMHS referral
 * and tries to mark it sent: it is refused as incomplete, with every missing part listed as a link
 * to its field. She follows one link, writes the parts, records that parents agreed, saves, marks
 * it sent today and then records that CAMHS accepted it. Her referral waits page then counts it as
 * open for CAMHS, with the CSV download and the chart's text alternative. Every page: axe, a
 * screenshot at the journey's width, no sideways scroll at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { shownDate, typeDate, ukDay } from './support/dates';
import { openFromNav } from './support/pages';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** Each journey refers a pupil from its own form, one no other journey uses. */
const FORM: Record<Viewport, string> = { phone: '7W', desktop: '10W' };
const CAMHS = 'CAMHS / CYPMHS';
/** The local CAMHS entry in the demo directory. */
const CAMHS_ENTRY = 'CAMHS (local NHS children’s mental health service)';
const BEREAVEMENT_SERVICE = 'Children’s bereavement support';
/** Directory entries for over-11s only: not for a 9-year-old. */
const OVER_ELEVENS = ['Kooth', 'Local Mind', 'Shout', 'Samaritans'];
/** CAMHS needs these written parts (REQUIRED_PARTS in core), and consent. */
const PARTS: [RegExp, string][] = [
  [/^Reason for referral/, 'Low mood most days and not wanting to come to school; asked for help.'],
  [/^How long, and the impact/, 'Since the autumn half term; missing lessons most weeks and withdrawn from friends.'],
  [/^Risk/, 'No known self-harm. A safety plan is agreed with the pupil and parents.'],
  [/^What school has already tried/, 'Six ELSA sessions and a care plan with an exit card; small change, not kept.'],
  [/^GP/, 'The Andover Health Centre (example).'],
];

/** axe, a screenshot named r-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('r');

interface WaitRow {
  service: string | null;
  open: number;
}

/** The CAMHS open count as the server has it now (0 when CAMHS has no row yet). */
async function camhsOpen(page: Page, schoolPath: string): Promise<number> {
  const res = await page.request.get(`${baseUrl()}/api${schoolPath}/referral-waits`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { rows: WaitRow[] };
  return body.rows.find((r) => r.service === 'camhs')?.open ?? 0;
}

async function journey(viewport: Viewport): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;
  const openBefore = await camhsOpen(lead, schoolPath);

  // The directory, from the navigation (behind the Menu on a phone).
  await openFromNav(lead, 'Services', 'Services directory');
  const search = lead.getByRole('form', { name: 'Search the directory' });
  await search.waitFor();
  await lead.getByRole('heading', { level: 2, name: /^\d+ services$/ }).waitFor();
  await check(lead, 'services');

  // Search by need and age. On a phone the filters are folded away.
  const need = search.getByLabel('What it helps with');
  if (!(await need.isVisible())) await search.getByText('Filter', { exact: true }).click();
  await need.selectOption({ label: 'Bereavement and loss' });
  await search.getByLabel('Age in years').fill('9');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await lead.waitForURL((url) => url.searchParams.get('need') === 'bereavement' && url.searchParams.get('age') === '9');
  const results = lead.getByRole('region', { name: /for bereavement and loss, age 9$/ });
  await results.getByRole('heading', { level: 3, name: BEREAVEMENT_SERVICE }).waitFor();
  for (const name of OVER_ELEVENS) {
    expect(await results.getByRole('heading', { level: 3, name }).count(), `${name} is for over-11s`).toBe(0);
  }
  await check(lead, 'services-search');

  // A pupil from the journey's own form.
  await lead.goto(`${baseUrl()}${schoolPath}/pupils?form=${FORM[viewport]}`);
  const first = lead.getByRole('table', { name: 'Pupils, by surname' }).getByRole('link').first();
  await first.waitFor();
  const pupil = ((await first.textContent()) ?? '').trim();
  expect(pupil).not.toBe('');
  await first.click();
  await lead.getByRole('heading', { level: 1, name: pupil }).waitFor();
  const referrals = lead.getByRole('region', { name: 'Referrals' });
  await referrals.getByRole('button', { name: 'Start a referral' }).click();
  const start = lead.getByRole('form', { name: 'Start a referral' });
  await start.getByLabel('Which service?').selectOption({ label: CAMHS });
  await check(lead, 'start');
  await start.getByRole('button', { name: 'Start the referral' }).click();
  await lead.getByRole('heading', { level: 1, name: `Referral to ${CAMHS}` }).waitFor();
  await lead.getByText('Referral started').waitFor();
  await check(lead, 'draft');
  const referralPath = new URL(lead.url()).pathname;

  // Marking it sent is refused: every missing part is listed, each a link to its field.
  const ready = lead.getByRole('region', { name: 'Ready to send?' });
  await ready.getByRole('button', { name: 'Mark as sent' }).click();
  await ready
    .getByRole('alert')
    .filter({ hasText: 'It cannot be marked as sent yet' })
    .getByText(/cannot be sent until it is complete: 6 parts missing/)
    .waitFor();
  await ready.getByText('Still needed before it can be sent (6 parts):').waitFor();
  for (const label of ['Reason for referral', 'How long, and the impact', 'Risk', 'Parental consent', 'GP']) {
    await ready.getByRole('link', { name: label, exact: true }).waitFor();
  }
  await check(lead, 'refused-incomplete');

  // A missing part's link takes her to its field.
  await ready.getByRole('link', { name: 'Risk', exact: true }).click();
  await lead.waitForFunction(() => document.activeElement?.id === 'parts-risk');

  // Write the parts, and record that parents agreed.
  const write = lead.getByRole('form', { name: 'Write the referral' });
  await write.getByLabel('Which service in the directory? (optional)').selectOption({ label: CAMHS_ENTRY });
  for (const [label, text] of PARTS) await write.getByLabel(label).fill(text);
  await write.getByRole('radio', { name: 'Parents agreed' }).check();
  await ready.getByText(/^Everything .* needs is written\./).waitFor();
  await check(lead, 'complete');
  await write.getByRole('button', { name: 'Save draft' }).click();
  await write.getByText(/^Draft saved at /).waitFor();

  // Marked as sent today.
  const today = ukDay();
  await typeDate(ready, 'When was it sent?', today);
  await ready.getByRole('button', { name: 'Mark as sent' }).click();
  await lead.getByText('Marked as sent', { exact: true }).waitFor();
  const next = lead.getByRole('form', { name: 'Record the next step' });
  await next.waitFor();
  await lead.getByRole('heading', { level: 2, name: 'Write the referral' }).waitFor({ state: 'detached' });
  await check(lead, 'sent');

  // CAMHS accepted it (sent → accepted is allowed: REFERRAL_TRANSITIONS in core).
  await next.getByRole('radio', { name: 'Accepted', exact: true }).check();
  await typeDate(next, 'When?', today);
  await next.getByRole('button', { name: 'Record the step' }).click();
  await lead.getByText('Recorded: accepted').waitFor();
  const steps = lead.getByRole('region', { name: 'Steps so far' });
  await steps.getByText('Accepted', { exact: true }).waitFor();
  await steps.getByText('Sent', { exact: true }).waitFor();
  await steps.getByText(shownDate(today)).first().waitFor();
  // The next step's form starts afresh, with the steps that may follow "accepted".
  await next.getByRole('radio', { name: 'First appointment held' }).waitFor();
  expect(await next.getByRole('radio', { checked: true }).count()).toBe(0);
  await next.getByRole('button', { name: 'Record the step' }).waitFor();
  // While the family waits: other services from the directory, not the one they wait for.
  const meanwhile = lead.getByRole('region', { name: 'While you wait' });
  await meanwhile.getByRole('link').first().waitFor();
  expect(await meanwhile.getByRole('link', { name: CAMHS_ENTRY }).count()).toBe(0);
  await lead.getByText(CAMHS_ENTRY, { exact: true }).first().waitFor();
  await check(lead, 'accepted');
  expect(new URL(lead.url()).pathname).toBe(referralPath);

  // The lead's referral waits: CAMHS has one more open referral.
  await lead.getByRole('link', { name: `Back to ${pupil}` }).click();
  await lead.getByRole('heading', { level: 1, name: pupil }).waitFor();
  await referrals.getByRole('link', { name: CAMHS }).first().waitFor();
  await referrals.getByRole('link', { name: 'See referral waits across the school' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Referral waits' }).waitFor();
  const table = lead.getByRole('table', { name: 'Referral waits by service, with the whole school last' });
  // Not anchored: at 360 px the stacked table's column labels come first in a row's name.
  const row = table.getByRole('row', { name: new RegExp(escapeRegExp(CAMHS)) });
  await row.waitFor();
  expect((await row.getByRole('cell').first().textContent())?.trim()).toBe(String(openBefore + 1));
  await table.getByRole('row', { name: /Whole school/ }).waitFor();
  const chart = lead.getByRole('figure', { name: 'Median wait from sent to first appointment, by service' });
  await chart.getByText(CAMHS, { exact: true }).waitFor();
  await chart.getByText(/^Dashed line: the standard, 4 weeks/).waitFor();
  expect(await chart.getAttribute('aria-describedby')).toBe('waits-table');
  await check(lead, 'waits');
  const [download] = await Promise.all([
    lead.waitForEvent('download'),
    lead.getByRole('button', { name: 'Download as a spreadsheet (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('referrals', () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    test(
      `${viewport}: search the directory by need and age; a CAMHS referral refused as incomplete, completed, sent and accepted; its wait on the lead's view`,
      { timeout: 300_000 },
      async () => {
        await journey(viewport);
      },
    );
  }
});
