/**
 * Transfers to the next school (issue 20). The DSL opens "Transfers" from the menu and finds the
 * demo's leaver, Jacob Whitfield, gone to Oakfield High School (URN known, uses Tandem). She prepares
 * the child-protection package and is shown its one-time code once: after reloading, the code is
 * gone. She reads the school's term dates, and the wellbeing file a joiner brought from Brookfield
 * Primary School. On a pupil's record she opens "Record leaving" and sends it with a URN that is not
 * one (refused, with the message), recording nothing. The SMHL, on a phone, sees Jacob's wellbeing
 * file and never the child-protection file. Every page: axe and a screenshot at desktop and 360 px,
 * no sideways scroll at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, newPage, useBrowser } from './support/browser';
import { checkEveryWay, openFromNav } from './support/pages';
import { DSL, SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const LEAVER = 'Jacob Whitfield';
const LIST_TITLE = 'Transfers to and from other schools';
const CODE = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){5}$/;

async function openLeaver(page: Page): Promise<void> {
  await openFromNav(page, 'Transfers', LIST_TITLE);
  await page.getByRole('link', { name: LEAVER }).click();
  await page.getByRole('heading', { level: 1, name: `${LEAVER}: files to the next school` }).waitFor();
}

describe('transfers to the next school', () => {
  test(
    'the DSL prepares the child-protection package and sees its code once; the SMHL sees only the wellbeing file',
    { timeout: 300_000 },
    async () => {
      const dsl = await newPage('desktop');
      await signIn(dsl, DSL);
      const schoolPath = new URL(dsl.url()).pathname;

      // The list: the leaver's two files, and the file received from a joiner's last school.
      await openFromNav(dsl, 'Transfers', LIST_TITLE);
      const leaverRow = dsl.getByRole('row').filter({ hasText: LEAVER });
      await leaverRow.getByText('Oakfield High School').waitFor();
      await leaverRow.getByText(/Child-protection file/).waitFor();
      await dsl.getByRole('link', { name: 'Import a file from another school' }).waitFor();
      await checkEveryWay(dsl, 'transfers-dsl-list');

      // The leaver's transfer: the next school's URN is known, so the package can be prepared.
      await leaverRow.getByRole('link', { name: LEAVER }).click();
      await dsl.getByRole('heading', { level: 1, name: `${LEAVER}: files to the next school` }).waitFor();
      await dsl.getByText(/Oakfield High School \(URN 900003\), uses Tandem/).waitFor();
      const cp = dsl.getByRole('region', { name: /^Child-protection file/ });
      await cp.getByText('Only the DSL team handles this file.', { exact: false }).waitFor();
      await checkEveryWay(dsl, 'transfers-dsl-transfer');
      await cp.getByRole('button', { name: 'Prepare the encrypted package (child-protection file)' }).click();
      const shown = cp.getByRole('status').filter({ hasText: 'One-time code: write it down now' });
      await shown.waitFor();
      const code = (await shown.locator('.transfer-code code').textContent())?.trim() ?? '';
      expect(code).toMatch(CODE);
      await shown.getByText('This code is shown once.', { exact: false }).waitFor();
      await cp.getByRole('button', { name: 'Download the package (.age) (child-protection file)' }).waitFor();
      await checkEveryWay(dsl, 'transfers-dsl-code');
      // Shown once: after reloading, the code is nowhere on the page.
      await dsl.reload();
      await dsl.getByRole('heading', { level: 1, name: `${LEAVER}: files to the next school` }).waitFor();
      await cp.getByRole('button', { name: 'Prepare a new package and code (child-protection file)' }).waitFor();
      await expect(dsl.getByText(code).count()).resolves.toBe(0);
      await expect(dsl.getByText('One-time code: write it down now').count()).resolves.toBe(0);

      // The term dates the due day is counted with.
      await dsl.goto(`${baseUrl()}${schoolPath}/term-dates`);
      await dsl.getByRole('heading', { level: 1, name: 'Term dates' }).waitFor();
      await dsl.getByText('Autumn term 2026 (first half)').first().waitFor();
      await dsl.getByText('INSET day').first().waitFor();
      await checkEveryWay(dsl, 'transfers-term-dates');

      // The wellbeing file a joiner brought from their last school.
      await openFromNav(dsl, 'Transfers', LIST_TITLE);
      const received = dsl.getByRole('row').filter({ hasText: 'Brookfield Primary School' });
      const joiner = (await received.getByRole('link').first().textContent())?.trim() ?? '';
      await received.getByRole('link', { name: 'Wellbeing file' }).click();
      await dsl
        .getByRole('heading', { level: 1, name: `${joiner}: wellbeing file from Brookfield Primary School` })
        .waitFor();
      await dsl.getByRole('link', { name: joiner }).waitFor();
      await dsl.getByRole('heading', { level: 3, name: 'Six sessions of ELSA support completed' }).waitFor();
      await checkEveryWay(dsl, 'transfers-received-file');

      // "Record leaving" on a pupil's record: a URN that is not one is refused, nothing recorded.
      await dsl.goto(`${baseUrl()}${schoolPath}/pupils?form=9W`);
      const firstPupil = dsl.getByRole('table', { name: 'Pupils, by surname' }).getByRole('link').first();
      const pupil = (await firstPupil.textContent())?.trim() ?? '';
      await firstPupil.click();
      await dsl.getByRole('heading', { level: 1, name: pupil }).waitFor();
      await dsl.getByRole('link', { name: 'Details and parents' }).click();
      await dsl.getByRole('link', { name: 'Record leaving' }).click();
      await dsl.getByRole('heading', { level: 1, name: 'Record leaving' }).waitFor();
      await checkEveryWay(dsl, 'transfers-record-leaving');
      await dsl.getByLabel('Next school').fill('Oakfield High School');
      await dsl.getByLabel('Its URN, if known (optional)').fill('12');
      await dsl.getByRole('button', { name: 'Record leaving' }).click();
      await dsl.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await checkEveryWay(dsl, 'transfers-record-leaving-refused');
      await dsl.getByRole('link', { name: 'Back to the pupil' }).click();
      await dsl.getByRole('heading', { level: 1, name: pupil }).waitFor();

      // The SMHL, on a phone: the wellbeing file only.
      const smhl = await newPage('phone');
      await signIn(smhl, SMHL);
      await openFromNav(smhl, 'Transfers', LIST_TITLE);
      await smhl.getByText('you see only the wellbeing file', { exact: false }).waitFor();
      await checkEveryWay(smhl, 'transfers-smhl-list');
      await expect(smhl.getByText(/Child-protection file/).count()).resolves.toBe(0);
      await smhl.getByRole('link', { name: LEAVER }).click();
      await smhl.getByRole('heading', { level: 1, name: `${LEAVER}: files to the next school` }).waitFor();
      await smhl.getByRole('region', { name: /^Wellbeing file/ }).waitFor();
      await expect(smhl.getByRole('region', { name: /^Child-protection file/ }).count()).resolves.toBe(0);
      await expect(smhl.getByText(/Child-protection file/).count()).resolves.toBe(0);
      await checkEveryWay(smhl, 'transfers-smhl-transfer');
      // The leaver's page again, for the DSL: still both files.
      await openLeaver(dsl);
      await dsl.getByRole('region', { name: /^Wellbeing file/ }).waitFor();
    },
  );
});
