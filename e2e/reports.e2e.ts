/**
 * Reports and dashboards (issue 17), through the web app, at 360 px and at desktop width:
 *  - The Senior Mental Health Lead opens Reports, filters the school's picture by a year group (the
 *    address keeps it), reads "Pupils by level" in its table (the rows add up to the total) beside
 *    its chart, downloads that figure's CSV, opens the governors' PDF with the same filters, lists
 *    the pupils behind a number, and switches to the governors' version (counts only, no links to
 *    pupils).
 *  - The trust lead opens the trust's Reports: each school side by side with the trust's row last,
 *    a "fewer than 5" cell, no pupil's name anywhere, and the CSV of every figure.
 * Every page: axe, a screenshot (test-results/screenshots/rep-…), no sideways scroll at 360 px.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, checksAtOwnWidth, newPage, useBrowser } from './support/browser';
import { openFromNav } from './support/pages';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** The trust lead of the demo trust (demo/demo-data.ts). */
const TRUST_LEAD = {
  email: 'priya.shah@riverbank.example',
  name: 'Priya Shah',
  greetingName: 'Priya',
  twoFactor: false,
};

/** axe, a screenshot named rep-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('rep');

/** The count a cell starts with, as the tables write it ("1,204"; a link adds words for screen readers after it). */
const countIn = (text: string | null) => Number(/^[\d,]+/.exec((text ?? '').trim())?.[0].replace(/,/g, '') ?? 'NaN');

async function openTrustReports(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Trust' });
  const menu = nav.getByRole('button', { name: /^Menu/ });
  if (await menu.isVisible()) await menu.click();
  await nav.getByRole('link', { name: 'Reports', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'The trust’s picture' }).waitFor();
}

async function schoolJourney(viewport: 'phone' | 'desktop'): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  await openFromNav(lead, 'Reports', 'The school’s picture');
  const byLevel = lead.getByRole('region', { name: 'Pupils by level', exact: true });
  await byLevel.getByRole('table').waitFor();
  await check(lead, 'school');

  // Filter by a year group: the address keeps it, and the page says whom the figures are about.
  await lead.getByLabel('Year group', { exact: true }).selectOption({ label: 'Year 9' });
  await lead.getByRole('button', { name: 'Show the figures' }).click();
  await lead.waitForURL(/[?&]yearGroup=9(&|$)/);
  await lead.locator('.report-scope').getByText('Year 9', { exact: true }).waitFor();
  await byLevel.getByRole('table').waitFor();

  // The chart is named for what it shows and points to the table, which holds the same numbers.
  const chart = byLevel.getByRole('img', { name: /^Pupils by level\. Bar chart of pupils/ });
  await chart.waitFor();
  const table = byLevel.getByRole('table', { name: 'Pupils by level' });
  expect(await chart.getAttribute('aria-describedby')).toBe(await table.getAttribute('id'));
  const rows = table.locator('tbody tr');
  const total = table.locator('tbody tr.report-table__total');
  expect(await total.locator('th').textContent()).toMatch(/All pupils/);
  let sum = 0;
  const count = await rows.count();
  for (let i = 0; i < count - 1; i++) sum += countIn(await rows.nth(i).locator('td').first().textContent());
  const all = countIn(await total.locator('td').first().textContent());
  expect(all).toBeGreaterThan(0);
  expect(sum).toBe(all);
  await check(lead, 'year-9');

  // This figure's CSV.
  const [csv] = await Promise.all([
    lead.waitForEvent('download'),
    byLevel.getByRole('button', { name: 'Download CSV (Pupils by level)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text).toMatch(/MH3/);

  // The governors' PDF, with the same filters.
  const pdfLink = lead.getByRole('link', { name: 'Print for governors (PDF)' });
  const href = (await pdfLink.getAttribute('href')) ?? '';
  expect(href).toMatch(/\/reports\.pdf\?.*yearGroup=9/);
  const pdf = await lead.request.get(new URL(href, baseUrl()).href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The pupils behind a number (leads' version only).
  const drill = table.locator('tbody a').first();
  await drill.click();
  await lead.getByRole('heading', { level: 1, name: 'The pupils behind a number' }).waitFor();
  const pupils = lead.getByRole('table', { name: /^Pupils: Pupils by level/ });
  await pupils.getByRole('row').nth(1).waitFor();
  await check(lead, 'drill');
  await lead.getByRole('link', { name: 'Back to the school’s picture' }).click();
  await lead.getByRole('heading', { level: 1, name: 'The school’s picture' }).waitFor();
  await lead.waitForURL(/[?&]yearGroup=9(&|$)/);

  // The governors' version: counts only, no way to the pupils.
  await lead.getByRole('link', { name: 'Governors’ version (counts only)' }).click();
  await lead.waitForURL(/[?&]version=governors/);
  await expect
    .poll(() => lead.getByRole('link', { name: 'Governors’ version (counts only)' }).getAttribute('aria-current'))
    .toBe('page');
  await byLevel.getByRole('table').waitFor();
  expect(await byLevel.getByRole('table').locator('a').count()).toBe(0);
  await check(lead, 'governors');

  // Termly reports: the list (and the next one's date), whether or not one is ready yet.
  await lead.getByRole('link', { name: 'Termly reports', exact: true }).click();
  await lead.getByRole('heading', { level: 1, name: 'Termly reports' }).waitFor();
  await lead.getByText(/^The next report, for .+, will be prepared on /).waitFor();
  await check(lead, 'termly');

  // The demo's last term, as it was prepared: the same figures, no way to the pupils.
  await lead.getByRole('link', { name: /^Summer term \d{4}$/ }).click();
  await lead.getByRole('heading', { level: 1, name: /Summer term \d{4}/ }).waitFor();
  const termLevels = lead.getByRole('region', { name: 'Pupils by level', exact: true });
  await termLevels.getByRole('table').waitFor();
  expect(await termLevels.getByRole('table').locator('a').count()).toBe(0);
  await check(lead, 'term');
}

async function trustJourney(viewport: 'phone' | 'desktop'): Promise<void> {
  const trustLead = await newPage(viewport);
  await signIn(trustLead, TRUST_LEAD);
  await openTrustReports(trustLead);
  const tables = trustLead.locator('.report-table');
  await tables.first().waitFor();
  // Each figure's table ends with the trust's row, in bold.
  const figures = await tables.count();
  expect(figures).toBeGreaterThan(0);
  for (let i = 0; i < figures; i++) {
    expect(await tables.nth(i).locator('tbody tr').last().getAttribute('class')).toMatch(/report-table__total/);
  }
  // A small group is hidden, and no pupil is named.
  await trustLead.getByText('fewer than 5', { exact: true }).first().waitFor();
  expect(await trustLead.getByText('Olivia Clarke').count()).toBe(0);
  // Wide tables scroll in their own region, which the keyboard can reach.
  const region = trustLead.locator('.report-scroll').first();
  expect(await region.getAttribute('tabindex')).toBe('0');
  await check(trustLead, 'trust');

  const [csv] = await Promise.all([
    trustLead.waitForEvent('download'),
    trustLead.getByRole('button', { name: 'Download all figures (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text).toMatch(/fewer than 5/);
}

describe('reports', () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    test(
      `${viewport}: the lead filters the school's picture by year group, reads a chart's table, downloads its CSV, opens the governors' PDF and the pupils behind a number`,
      { timeout: 240_000 },
      async () => {
        await schoolJourney(viewport);
      },
    );
    test(
      `${viewport}: the trust lead sees each school side by side, a small group as "fewer than 5", no pupil named`,
      { timeout: 180_000 },
      async () => {
        await trustJourney(viewport);
      },
    );
  }
});
