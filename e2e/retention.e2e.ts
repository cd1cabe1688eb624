/**
 * Records retention (issue 20). The DSL signs in and is told on her home page that records are past
 * their review date; she opens "Records retention" from the menu and finds Megan Rowley (born 2000,
 * left in 2016) past review. By keyboard she opens the dialog to propose destroying Megan's
 * child-protection file and closes it with Escape (focus back on the button), then proposes it. She
 * destroys Megan's wellbeing records alone, typing the name (first wrongly: refused, with the
 * message). The headteacher, as the second person, is asked on her home page to confirm, opens the
 * page from there, opens and closes the confirm dialog by keyboard, then confirms. The register shows
 * both destructions to the DSL, and the wellbeing one only to the head. Every page and dialog: axe,
 * screenshots at desktop and 360 px, no sideways scroll at 360 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectFocusVisible, newPage, useBrowser } from './support/browser';
import { checkEveryWay, openFromNav } from './support/pages';
import { DSL, HEAD } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const PUPIL = 'Megan Rowley';

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Opens a dialog from its button by keyboard (focus, then Enter) and closes it with Escape. */
async function openAndCloseByKeyboard(page: Page, opener: Locator, title: string): Promise<void> {
  await opener.focus();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  // Focus starts inside the dialog, on its first field.
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await isFocused(opener)).toBe(true);
}

describe('records retention', () => {
  test(
    'the DSL proposes destroying a child-protection file, the head confirms it; a wellbeing destruction by one person',
    { timeout: 300_000 },
    async () => {
      // The DSL: told on her home page that records are past their review date.
      const dsl = await newPage('desktop');
      await signIn(dsl, DSL);
      const home = new URL(dsl.url()).pathname;
      const due = dsl.getByRole('region', { name: /^Records retention/ });
      await due.getByRole('link', { name: 'Child-protection files past their review date' }).waitFor();
      await checkEveryWay(dsl, 'retention-dsl-home');

      await openFromNav(dsl, 'Records retention', 'Records retention');
      const past = dsl.getByRole('table', { name: 'Records past their review date' });
      const cpRow = past.getByRole('row').filter({ hasText: PUPIL }).filter({ hasText: 'Child-protection file' });
      await cpRow.waitFor();
      await checkEveryWay(dsl, 'retention-dsl-page');

      // By keyboard: the proposal dialog opens and closes, focus back on its button.
      const propose = dsl.getByRole('button', { name: `Propose destruction ${PUPIL}’s child-protection file` });
      await openAndCloseByKeyboard(dsl, propose, 'Propose destroying a child-protection file');
      await propose.press('Enter');
      const proposal = dsl.getByRole('dialog', { name: 'Propose destroying a child-protection file' });
      await proposal.getByLabel('Why these records are destroyed').fill('Retention period ended; reviewed by the DSL.');
      await proposal.getByLabel(`Type the pupil’s name to confirm: ${PUPIL}`).fill(PUPIL);
      await checkEveryWay(dsl, 'retention-propose-dialog');
      await proposal.getByRole('button', { name: 'Propose the destruction' }).click();
      await dsl.getByText(`Proposed: a second person must now confirm the destruction of ${PUPIL}’s`).waitFor();
      await dsl.getByRole('heading', { level: 2, name: 'Waiting for a second person' }).waitFor();
      await dsl.getByText('You proposed this: another person confirms it.').waitFor();
      await cpRow.getByText('Waiting for a second person').waitFor();

      // Wellbeing records: one person, with the name typed (wrongly first).
      await dsl.getByRole('button', { name: `Destroy ${PUPIL}’s wellbeing records` }).click();
      const destroy = dsl.getByRole('dialog', { name: 'Destroy these records' });
      await destroy.getByLabel('Why these records are destroyed').fill('Retention period ended; nothing to keep.');
      await destroy.getByLabel(`Type the pupil’s name to confirm: ${PUPIL}`).fill('Megan');
      await destroy.getByRole('button', { name: 'Destroy the records' }).click();
      await destroy.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      await destroy
        .getByText(/Type the pupil’s name exactly as shown/)
        .first()
        .waitFor();
      await checkEveryWay(dsl, 'retention-destroy-refused');
      await destroy.getByLabel(`Type the pupil’s name to confirm: ${PUPIL}`).fill(PUPIL);
      await destroy.getByRole('button', { name: 'Destroy the records' }).click();
      await dsl.getByText(`Destroyed ${PUPIL}’s wellbeing records`).waitFor();
      await past.getByRole('row').filter({ hasText: PUPIL }).filter({ hasText: 'Wellbeing records' }).waitFor({
        state: 'detached',
      });

      // The head, the second person: asked on her home page.
      const head = await newPage('phone');
      await signIn(head, HEAD);
      const ask = head.getByRole('region', { name: /^Records retention/ }).getByRole('link', {
        name: 'A child-protection file is waiting for a second person to confirm its destruction',
      });
      await ask.waitFor();
      await head.getByText(new RegExp(`${PUPIL}’s file, proposed by ${DSL.name}`)).waitFor();
      await checkEveryWay(head, 'retention-head-home');
      await ask.click();
      await head.getByRole('heading', { level: 1, name: 'Records retention' }).waitFor();
      await checkEveryWay(head, 'retention-head-page');
      const confirm = head.getByRole('button', { name: `Confirm destruction of ${PUPIL}’s file` });
      await openAndCloseByKeyboard(head, confirm, 'Confirm destroying a child-protection file');
      // Opened again by keyboard, closed with its Cancel button by keyboard.
      await confirm.press('Enter');
      const dialog = head.getByRole('dialog', { name: 'Confirm destroying a child-protection file' });
      await dialog.waitFor();
      const cancel = dialog.getByRole('button', { name: 'Cancel' });
      await cancel.focus();
      await head.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await confirm.press('Enter');
      await dialog.getByLabel(`Type the pupil’s name to confirm: ${PUPIL}`).fill(PUPIL);
      await checkEveryWay(head, 'retention-confirm-dialog');
      await dialog.getByRole('button', { name: 'Destroy the file' }).click();
      await head.getByText(`Destroyed ${PUPIL}’s child-protection file`).waitFor();
      await head.getByRole('heading', { level: 2, name: 'Waiting for a second person' }).waitFor({ state: 'detached' });
      // The head's register: the wellbeing records, never the child-protection file.
      const headRegister = head.getByRole('table', { name: 'Destroyed records, newest first' });
      await headRegister.getByRole('row').filter({ hasText: PUPIL }).first().waitFor();
      expect(await headRegister.getByRole('row').filter({ hasText: PUPIL }).count()).toBe(1);
      expect(await headRegister.getByText('Child-protection file').count()).toBe(0);
      await checkEveryWay(head, 'retention-head-done');
      await head.goto(new URL(head.url()).pathname.replace(/\/retention$/, ''));
      await head.getByRole('heading', { level: 1 }).waitFor();
      await expect(head.getByRole('region', { name: /^Records retention/ }).count()).resolves.toBe(0);

      // The DSL's register shows both.
      await dsl.reload();
      const register = dsl.getByRole('table', { name: 'Destroyed records, newest first' });
      await register.getByRole('row').filter({ hasText: PUPIL }).first().waitFor();
      const rows = register.getByRole('row').filter({ hasText: PUPIL });
      await expect(rows.count()).resolves.toBe(2);
      await rows
        .filter({ hasText: 'Child-protection file' })
        .getByText(`Proposed by ${DSL.name}, confirmed by ${HEAD.name}`)
        .waitFor();
      await rows.filter({ hasText: 'Wellbeing records' }).getByText(DSL.name, { exact: true }).waitFor();
      await past.getByRole('row').filter({ hasText: PUPIL }).waitFor({ state: 'detached' });
      await checkEveryWay(dsl, 'retention-dsl-register');
      await dsl.goto(home);
      await dsl.getByRole('heading', { level: 1 }).waitFor();
      await expect(
        dsl.getByRole('link', { name: 'Child-protection files past their review date' }).count(),
      ).resolves.toBe(0);
    },
  );
});
