/**
 * Attendance from the MIS, at 360 px and at desktop width: the Senior Mental Health Lead imports a
 * file of weekly totals (checks the preview, imports it), then a file of session marks (first with
 * an unknown code, which is listed by line and cannot be imported; then corrected), and opens
 * Olivia Clarke's "Attendance and provision" tab: the chart and the table of the same weeks. Every
 * page: axe, a screenshot at the journey's width, no sideways scroll at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { baseUrl, checksAtOwnWidth, newPage, useBrowser, type Viewport } from './support/browser';
import { csvFile, openFromNav } from './support/pages';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const check = checksAtOwnWidth('att');

/** Olivia Clarke's UPN in the demo. */
const OLIVIA_UPN = 'Y900001000005';

/** The Monday `weeksAgo` whole weeks before this week's, as DD/MM/YYYY. */
function monday(weeksAgo: number): string {
  const d = new Date();
  const back = ((d.getUTCDay() + 6) % 7) + 7 * weeksAgo;
  d.setUTCDate(d.getUTCDate() - back);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

async function upload(page: Page, kind: RegExp, file: ReturnType<typeof csvFile>): Promise<void> {
  await page.getByLabel(kind).check();
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
}

async function journey(viewport: Viewport): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;

  await openFromNav(lead, 'Attendance import', 'Import attendance');
  await check(lead, 'import');

  const weeks = csvFile('weekly-attendance.csv', [
    ['UPN', 'Week Beginning', 'Possible Sessions', 'Present + AEA', 'Authorised Absences', 'Unauthorised Absences'],
    [OLIVIA_UPN, monday(3), '10', '10', '0', '0'],
    [OLIVIA_UPN, monday(2), '10', '8', '2', '0'],
    [OLIVIA_UPN, monday(1), '10', '7', '1', '2'],
  ]);
  await upload(lead, /^Weekly totals/, weeks);
  await lead.getByRole('heading', { level: 1, name: 'Check the attendance file' }).waitFor();
  await lead.getByRole('table', { name: /The first 3 rows of the file/ }).waitFor();
  await check(lead, 'weeks-preview');
  await lead.getByRole('button', { name: 'Import 3 pupil weeks' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Attendance imported' }).waitFor();
  await check(lead, 'weeks-done');

  await lead.getByRole('link', { name: 'Import another attendance file' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Import attendance' }).waitFor();
  const day = monday(1);
  const marks = (code: string) =>
    csvFile('session-marks.csv', [
      ['UPN', 'Date', 'AM/PM', 'Mark'],
      [OLIVIA_UPN, day, 'AM', '/'],
      [OLIVIA_UPN, day, 'PM', code],
    ]);
  await upload(lead, /^Session marks/, marks('Q9'));
  await lead.getByRole('heading', { level: 1, name: 'Correct the attendance file' }).waitFor();
  await lead.getByRole('cell', { name: /"Q9" is not a national attendance code/ }).waitFor();
  await check(lead, 'marks-problems');
  await lead.getByRole('link', { name: 'Upload a corrected file' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Import attendance' }).waitFor();
  await upload(lead, /^Session marks/, marks('C2'));
  await lead.getByRole('heading', { level: 1, name: 'Check the attendance file' }).waitFor();
  await lead.getByRole('button', { name: 'Import 2 session marks' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Attendance imported' }).waitFor();

  await lead.goto(`${baseUrl()}${schoolPath}/pupils?search=Clarke`);
  await lead.getByRole('link', { name: 'Olivia Clarke', exact: true }).click();
  await lead.getByRole('heading', { level: 1, name: 'Olivia Clarke' }).waitFor();
  await lead.getByRole('link', { name: 'Attendance and provision' }).click();
  await lead.getByRole('heading', { name: 'Attendance', exact: true }).waitFor();
  await lead.getByRole('img', { name: /Olivia Clarke’s attendance each week/ }).waitFor();
  await lead.getByText(/^Attendance each week \(\d+ weeks?\)$/).click();
  const table = lead.getByRole('table', { name: 'Attendance each week, newest first' });
  await table.getByRole('row').filter({ hasText: '70%' }).first().waitFor();
  await lead.getByRole('table', { name: /Session marks in these weeks/ }).waitFor();
  await check(lead, 'pupil');
}

describe('attendance from the MIS', () => {
  test(
    'at 360 px: weekly totals and session marks imported, then seen on the pupil’s record',
    { timeout: 300_000 },
    async () => {
      await journey('phone');
    },
  );
  test('at desktop width: the same', { timeout: 300_000 }, async () => {
    await journey('desktop');
  });
});
