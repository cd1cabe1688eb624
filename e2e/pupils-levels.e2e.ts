/**
 * Journey e (issue 3): the Senior Mental Health Lead imports pupils from an MIS export (a file with
 * a bad row first, then a correct one), checks the preview and watches the import finish; imports a
 * teaching group so that the 9W tutor teaches the new pupil; sets that pupil's level with evidence
 * (trying first without evidence); looks at the levels and downloads the termly letters. Then the
 * 9W tutor, on a phone, opens the pupil and sees only the staff summary, and opens a pupil he does
 * not teach and sees only the name and form.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser } from './support/browser';
import { checkEveryWay, csvFile, randomUpn } from './support/pages';
import { SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const HEADER = ['UPN', 'Legal Surname', 'Legal Forename', 'Preferred Forename', 'DOB', 'Year', 'Reg Group', 'SEN'];

async function chooseFile(page: Page, file: ReturnType<typeof csvFile>): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles(file);
}

async function openSchoolPage(page: Page, label: string, heading: string | RegExp, check?: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'School' });
  const menu = nav.getByRole('button', { name: /^Menu/ });
  // On a phone the school's pages are behind the Menu button.
  if (await menu.isVisible()) {
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    if (check !== undefined) await checkEveryWay(page, check);
  }
  await nav.getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('pupils and levels', () => {
  test(
    'import pupils, set a level with evidence, and the tutor sees only the staff summary',
    { timeout: 300_000 },
    async () => {
      // Each run has its own database, so fixed names are safe; no demo pupil is called Ashcroft.
      const surname = 'Ashcroft';
      const pupil = { upn: randomUpn(), given: 'Maisie', name: `Maisie ${surname}` };
      const corrected = `Mai ${surname}`;
      const other = { upn: randomUpn(), given: 'Rhys', name: `Rhys ${surname}` };
      const third = { upn: randomUpn(), given: 'Nadia', name: `Nadia ${surname}` };
      const rows = [
        [pupil.upn, surname, pupil.given, '', '14/02/2012', '9', '9W', 'N'],
        [other.upn, surname, other.given, '', '03/09/2013', '8', '8K', 'K'],
        [third.upn, surname, third.given, '', '21/06/2014', '7', '7K', 'N'],
      ];

      // --- The Senior Mental Health Lead imports the pupils.
      const lead = await newPage('desktop');
      await signIn(lead, SMHL, { check: 'e-smhl' });
      await openSchoolPage(lead, 'Import', 'Import from your MIS');
      await checkEveryWay(lead, 'e-import');

      // A file with a bad row is refused, with the line and the problem.
      await lead.getByRole('radio', { name: 'Pupils' }).check();
      await chooseFile(
        lead,
        csvFile('pupils-with-a-mistake.csv', [
          HEADER,
          ...rows,
          ['X123', surname, 'Zed', '', '31/02/2012', '9', '9W', 'N'],
        ]),
      );
      await lead.getByRole('button', { name: 'Check file' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Correct the file' }).waitFor();
      await lead.getByText('Nothing has been imported. Correct these rows in your MIS export').waitFor();
      const problems = lead.getByRole('table', { name: 'Problems in the file, by line' });
      await expect.poll(() => problems.getByRole('row').filter({ hasText: 'UPN' }).count()).toBeGreaterThan(0);
      expect(await problems.getByRole('row').filter({ hasText: 'Date of birth' }).first().textContent()).toMatch(/5/);
      await checkEveryWay(lead, 'e-import-problems');

      // The corrected file: the preview, then the import with its progress bar.
      await lead.getByRole('link', { name: 'Upload a corrected file' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Import from your MIS' }).waitFor();
      await lead.getByRole('radio', { name: 'Pupils' }).check();
      await chooseFile(lead, csvFile('pupils.csv', [HEADER, ...rows]));
      await lead.getByRole('button', { name: 'Check file' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Check the changes' }).waitFor();
      await lead.getByRole('table', { name: 'New pupils' }).getByText(pupil.name).waitFor();
      await checkEveryWay(lead, 'e-import-preview');

      await lead.getByRole('button', { name: 'Import 3 pupils' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Import complete' }).waitFor();
      const bar = lead.getByRole('progressbar', { name: 'Importing pupils' });
      await expect.poll(() => bar.evaluate((el: HTMLProgressElement) => el.value === el.max)).toBe(true);
      await lead.getByText('3 new pupils added').waitFor();
      await checkEveryWay(lead, 'e-import-done');

      // Teaching groups come from their own file: the tutor teaches a pupil through a group.
      await lead.getByRole('link', { name: 'Import parents and carers, or teaching groups' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Import from your MIS' }).waitFor();
      await lead.getByRole('radio', { name: 'Teaching groups' }).check();
      const groupCode = '9W-PSHE';
      await chooseFile(
        lead,
        csvFile('groups.csv', [
          ['Group', 'Group name', 'Staff email', 'UPN'],
          [groupCode, '9W PSHE', TUTOR.email, pupil.upn],
        ]),
      );
      await lead.getByRole('button', { name: 'Check file' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Check the changes' }).waitFor();
      await lead.getByRole('button', { name: 'Import 1 teaching group' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Import complete' }).waitFor();

      // --- The pupil list, and the new pupil's record.
      // A second pupils file with one pupil moved to another form: the preview shows the change.
      await lead.getByRole('link', { name: 'Import another file' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Import from your MIS' }).waitFor();
      await lead.getByRole('radio', { name: 'Pupils' }).check();
      const moved = rows.map((r) => (r[0] === other.upn ? r.map((c) => (c === '8K' ? '8W' : c)) : r));
      await chooseFile(lead, csvFile('pupils-again.csv', [HEADER, ...moved]));
      await lead.getByRole('button', { name: 'Check file' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Check the changes' }).waitFor();
      const updates = lead.getByRole('table', { name: 'Pupils with changes' });
      await updates
        .getByRole('row')
        .filter({ hasText: other.name })
        .filter({ hasText: /Form: 8K\s*→?\s*(to)?\s*8W/ })
        .waitFor();
      await checkEveryWay(lead, 'e-import-preview-update');
      // Not imported: back to the import page, where it is listed as checked but not imported.
      await lead.getByRole('link', { name: 'Cancel and choose another file' }).click();
      await lead
        .getByRole('table', { name: 'Recent imports, newest first' })
        .getByRole('row')
        .filter({ hasText: 'pupils-again.csv' })
        .filter({ hasText: 'Checked, not imported' })
        .waitFor();
      await checkEveryWay(lead, 'e-import-recent');

      // --- The pupil list: paging keeps the filters, and the case roles may filter by level.
      await openSchoolPage(lead, 'Pupils', 'Pupils');
      await lead.getByText(/^\d+ pupils, showing 1 to 25$/).waitFor();
      await lead.getByRole('link', { name: /^Next 25/ }).click();
      await lead.getByText(/showing 26 to 50/).waitFor();
      await checkEveryWay(lead, 'e-pupils-page-2');
      await lead.getByLabel('Level', { exact: true }).selectOption('MH2');
      await lead.getByRole('button', { name: 'Search', exact: true }).click();
      await lead.getByText(/^\d+ pupils? match/).waitFor();
      expect(new URL(lead.url()).searchParams.get('level')).toBe('MH2');
      expect(new URL(lead.url()).searchParams.get('after')).toBeNull();
      await checkEveryWay(lead, 'e-pupils-level-filter');
      await lead.getByRole('link', { name: 'Clear search and filters' }).click();
      await lead.getByLabel('Search by name').fill(surname);
      await lead.getByRole('button', { name: 'Search', exact: true }).click();
      await lead.getByText('3 pupils match').waitFor();
      await checkEveryWay(lead, 'e-pupils');

      await lead.getByRole('link', { name: pupil.name }).click();
      await lead.getByRole('heading', { level: 1, name: pupil.name }).waitFor();
      await lead.getByRole('navigation', { name: 'Pupil record' }).waitFor();
      await lead.getByRole('region', { name: 'Help now' }).getByText('0800 1111').waitFor();
      await checkEveryWay(lead, 'e-pupil-summary');

      // --- Change the level: first without evidence, which is refused.
      await lead.getByRole('link', { name: 'Change level' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Change level' }).waitFor();
      await checkEveryWay(lead, 'e-change-level');
      await lead.getByRole('radio', { name: /^MH2\b/ }).check();
      // Moving up shows what the school counts as evidence for a move up.
      await lead.getByText('Moving a pupil onto a level needs at least one piece of evidence').waitFor();
      const reason = 'Low mood and poor sleep, reported by the tutor and by home over three weeks.';
      await lead.getByLabel('Reason for the change').fill(reason);
      await lead.getByRole('button', { name: 'Save new level' }).click();
      const summary = lead.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: /Add at least one piece of evidence/ }).waitFor();
      await checkEveryWay(lead, 'e-change-level-no-evidence');

      // Nothing typed is lost; add the evidence and save.
      expect(await lead.getByLabel('Reason for the change').inputValue()).toBe(reason);
      await lead.getByRole('button', { name: 'Add evidence' }).click();
      await lead.getByLabel('Kind of evidence').selectOption({ label: 'Staff observation' });
      const evidence = 'Tutor saw her tearful in registration on four days in the last fortnight.';
      await lead.getByLabel('What it shows').fill(evidence);
      await checkEveryWay(lead, 'e-change-level-evidence');
      await lead.getByRole('button', { name: 'Save new level' }).click();
      await lead.getByText(`${pupil.name} is now at MH2`).waitFor();
      await lead.getByRole('heading', { level: 2, name: 'Level and history' }).waitFor();
      await lead.getByRole('list', { name: 'Level changes, newest first' }).getByText(evidence).waitFor();
      await checkEveryWay(lead, 'e-pupil-level-history');

      await lead.getByRole('navigation', { name: 'Pupil record' }).getByRole('link', { name: 'Chronology' }).click();
      await lead
        .getByRole('list', { name: 'Chronology, newest first' })
        .getByText('Level changed from Thriving to MH2')
        .waitFor();
      await checkEveryWay(lead, 'e-pupil-chronology');

      await lead
        .getByRole('navigation', { name: 'Pupil record' })
        .getByRole('link', { name: 'Details and parents' })
        .click();
      await lead.getByText(pupil.upn).waitFor();
      await checkEveryWay(lead, 'e-pupil-details');

      // Correct a detail: a reason is needed.
      await lead.getByRole('link', { name: 'Correct details' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Correct details' }).waitFor();
      await lead.getByLabel('Preferred first name').fill('Mai');
      await lead.getByRole('button', { name: 'Save correction' }).click();
      await lead.getByRole('alert').getByRole('link', { name: 'Give a reason for the correction' }).waitFor();
      await checkEveryWay(lead, 'e-correct-details');
      await lead.getByLabel('Reason for the correction').fill('Maisie asked to be called Mai; her mother agreed.');
      await lead.getByRole('button', { name: 'Save correction' }).click();
      await lead.getByText('details have been corrected').waitFor();
      await lead.getByRole('heading', { level: 1, name: `Mai ${surname}` }).waitFor();

      // --- The level framework, and sharing levels with parents.
      await openSchoolPage(lead, 'Levels', 'Levels');
      await lead.getByRole('heading', { level: 2, name: /MH5/ }).waitFor();
      await checkEveryWay(lead, 'e-levels');
      await lead.getByRole('link', { name: 'Change the wording of MH1' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Change the wording of MH1' }).waitFor();
      await checkEveryWay(lead, 'e-level-edit');
      const summaryForParents = lead.getByLabel('What parents and carers are told');
      await summaryForParents.fill(
        'Your child has some small worries, for example about lessons or friends. We will help in school, and keep in touch with you.',
      );
      await lead.getByRole('button', { name: 'Save the new wording' }).click();
      await lead.getByText('The new wording of MH1 is saved (version 2).').waitFor();
      await lead.getByRole('link', { name: 'Earlier wordings of MH1' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Earlier wordings of MH1' }).waitFor();
      await lead.getByRole('heading', { level: 2, name: /^Version 1:/ }).waitFor();
      await checkEveryWay(lead, 'e-level-versions');

      await openSchoolPage(lead, 'Share levels', 'Share levels');
      await checkEveryWay(lead, 'e-share-levels');
      await lead.getByLabel('Who are the letters for?').selectOption('9');
      const [download] = await Promise.all([
        lead.waitForEvent('download'),
        lead.getByRole('button', { name: /^Download letters for \d+ pupils? \(PDF\)$/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await lead
        .getByRole('alert')
        .filter({ hasText: /letters? downloaded for Year 9/ })
        .waitFor();
      await checkEveryWay(lead, 'e-share-levels-done');

      // --- The 9W tutor, on his phone.
      const tutor = await newPage('phone');
      await signIn(tutor, TUTOR);
      await openSchoolPage(tutor, 'Pupils', 'Pupils', 'e-tutor-menu-open');
      await tutor.getByLabel('Search by name').fill(surname);
      await tutor.getByRole('button', { name: 'Search', exact: true }).click();
      await tutor.getByText('3 pupils match').waitFor();
      // No level or characteristic filters for staff who do not work on cases.
      expect(await tutor.getByLabel('Level', { exact: true }).count()).toBe(0);
      await checkEveryWay(tutor, 'e-tutor-pupils');

      await tutor.getByRole('link', { name: corrected }).click();
      await tutor.getByRole('heading', { level: 1, name: corrected }).waitFor();
      await tutor.getByRole('heading', { name: 'What staff should do' }).waitFor();
      expect(await tutor.getByText(/MH2/).count(), 'the level badge').toBeGreaterThan(0);
      // Only the staff summary: no reason, evidence or history, and no case record tabs.
      expect(await tutor.getByText(reason).count()).toBe(0);
      expect(await tutor.getByText(evidence).count()).toBe(0);
      expect(await tutor.getByRole('heading', { name: /history/i }).count()).toBe(0);
      expect(await tutor.getByRole('navigation', { name: 'Pupil record' }).count()).toBe(0);
      expect(await tutor.getByRole('link', { name: 'Change level' }).count()).toBe(0);
      await tutor.getByRole('region', { name: 'Help now' }).waitFor();
      await checkEveryWay(tutor, 'e-tutor-pupil-summary');

      // A pupil he does not teach: the name and form only.
      await tutor.getByRole('link', { name: 'Back to pupils' }).click();
      await tutor.getByRole('link', { name: other.name }).click();
      await tutor.getByRole('heading', { level: 1, name: other.name }).waitFor();
      await tutor.getByText('if you teach them').waitFor();
      await tutor.getByText('8K', { exact: true }).first().waitFor();
      expect(await tutor.getByText(/\bMH\d\b/).count(), 'no level shown').toBe(0);
      expect(await tutor.getByRole('heading', { name: 'What staff should do' }).count()).toBe(0);
      await checkEveryWay(tutor, 'e-tutor-pupil-basic');
    },
  );
});
