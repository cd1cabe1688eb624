/**
 * A school's DfE number (issue 21: a common transfer file names its destination by it). The school
 * administrator finds Kingsmead's in the school settings, types a wrong one (the clear message,
 * nothing saved), then the right one with a dash and sees it kept as 999/4001; the trust
 * administrator adds a school with its DfE number and sees it in the list. Every page: axe and a
 * screenshot at desktop and 360 px, no sideways scroll at 360 px.
 */
import { describe, test } from 'vitest';
import { baseUrl, newPage, useBrowser } from './support/browser';
import { checkEveryWay } from './support/pages';
import { SCHOOL_ADMIN } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** The demo trust administrator (demo-data.ts). */
const TRUST_ADMIN = { email: 'alex.morgan@riverbank.example', greetingName: 'Alex', twoFactor: true };

describe("a school's DfE number", () => {
  test('the school administrator corrects it in the school settings', { timeout: 300_000 }, async () => {
    const admin = await newPage('phone');
    await signIn(admin, SCHOOL_ADMIN);
    const schoolPath = new URL(admin.url()).pathname;
    await admin.goto(`${baseUrl()}${schoolPath}/settings`);
    await admin.getByRole('heading', { level: 1, name: 'School settings' }).waitFor();
    const field = admin.getByLabel('DfE number');
    if ((await field.inputValue()) !== '999/4001') throw new Error('the demo DfE number is not shown as 999/4001');
    await admin.getByText('as shown on Get Information about Schools', { exact: false }).waitFor();
    await checkEveryWay(admin, 'dfe-settings');

    await field.fill('99/40011');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin
      .getByRole('alert')
      .getByText('Enter the DfE number as your 3-digit local authority number', { exact: false })
      .waitFor();
    await checkEveryWay(admin, 'dfe-settings-error');

    await field.fill('999-4001');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText(/^Settings saved at/).waitFor();
    if ((await field.inputValue()) !== '999/4001') throw new Error('the saved DfE number is not shown as 999/4001');
  });

  test('the trust administrator adds a school with its DfE number', { timeout: 300_000 }, async () => {
    const admin = await newPage('desktop');
    await signIn(admin, TRUST_ADMIN);
    const trustPath = new URL(admin.url()).pathname;
    await admin.goto(`${baseUrl()}${trustPath}/schools/new`);
    await admin.getByRole('heading', { level: 1, name: 'Add a school' }).waitFor();
    await admin.getByLabel('School name').fill('Fernhill Primary');
    await admin.getByLabel('DfE number (optional)').fill('999 2077');
    await checkEveryWay(admin, 'dfe-add-school');
    await admin.getByRole('button', { name: 'Add school' }).click();
    await admin.getByText('Fernhill Primary has been added.').waitFor();
    await admin.getByRole('cell', { name: '999/2077' }).waitFor();
    await checkEveryWay(admin, 'dfe-schools-list');
  });
});
