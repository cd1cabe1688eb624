/**
 * Journey b: the school administrator invites a new teacher; the invitation arrives by e-mail; the
 * teacher sets a password from the link and signs in (no two-factor for a teacher). The
 * administrator then makes them Designated Safeguarding Lead, and at their next sign-in they must set
 * up two-factor: QR code, manual key, a code from the key, recovery codes, then home.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, checkPage, newPage, useBrowser } from './support/browser';
import { linksIn, waitForMail } from './support/mail';
import { SCHOOL_ADMIN } from './support/people';
import { fillSignIn, openSignIn, signIn, signOut, waitForHome } from './support/sign-in';
import { freshTotpCode, normaliseKey } from './support/totp';

useBrowser();

describe('inviting a member of staff', () => {
  test('invite, set a password, sign in, gain a sensitive role, set up two-factor', { timeout: 180_000 }, async () => {
    const suffix = randomBytes(3).toString('hex');
    const newcomer = {
      name: 'Rosa Lindqvist',
      greetingName: 'Rosa',
      email: `rosa.lindqvist.${suffix}@kingsmead.example`,
      password: `kettle orbit pansy ${suffix}`,
    };

    // The administrator invites Rosa as a teacher.
    const admin = await newPage('desktop');
    await signIn(admin, SCHOOL_ADMIN, { check: 'b-admin' });
    await admin.getByRole('navigation', { name: 'School' }).getByRole('link', { name: 'Staff and roles' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Staff and roles' }).waitFor();
    await admin.getByRole('table').waitFor();
    await checkPage(admin, 'b-staff-list');

    await admin.getByRole('link', { name: 'Invite a member of staff' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Invite a member of staff' }).waitFor();
    await checkPage(admin, 'b-invite');
    await admin.getByLabel('Full name').fill(newcomer.name);
    await admin.getByLabel('Work email address').fill(newcomer.email);
    await admin.getByRole('checkbox', { name: 'Teacher / tutor' }).check();
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${newcomer.name}.`).waitFor();
    await admin.getByRole('link', { name: newcomer.name }).waitFor();
    await checkPage(admin, 'b-staff-list-invited');

    // The invitation e-mail, and its link to set a password.
    const mail = await waitForMail(newcomer.email, { subject: /invited/i });
    const link = linksIn(mail).find((l) => l.startsWith(`${baseUrl()}/`) && l.includes('token='));
    expect(link, `a set-password link in the invitation:\n${mail.text}`).toBeDefined();

    // Rosa, in her own browser, sets her password.
    const rosa = await newPage('phone');
    await rosa.goto(link!);
    await rosa.getByRole('heading', { level: 1, name: 'Set up your account' }).waitFor();
    await checkPage(rosa, 'b-set-password');
    await rosa.getByLabel('New password', { exact: true }).fill(newcomer.password);
    await rosa.getByLabel('Enter the new password again').fill(newcomer.password);
    await rosa.getByRole('button', { name: 'Set up my account' }).click();
    await rosa.waitForURL(/\/sign-in/);
    await rosa.getByText('Your account is ready.').waitFor();
    await checkPage(rosa, 'b-sign-in-account-ready');

    // As a teacher she needs no two-factor: straight to the home page.
    await fillSignIn(rosa, newcomer.email, newcomer.password);
    await waitForHome(rosa, newcomer.greetingName);
    // On a phone, who she is and her role sit behind the header's Menu.
    await rosa.getByRole('banner').getByRole('button', { name: /^Menu/ }).click();
    await rosa.getByText('Teacher / tutor').filter({ visible: true }).first().waitFor();
    await rosa.keyboard.press('Escape');
    await checkPage(rosa, 'b-newcomer-home');
    await signOut(rosa);

    // The administrator makes her Designated Safeguarding Lead from the staff page.
    await admin.getByRole('link', { name: newcomer.name }).click();
    await admin.getByRole('heading', { level: 1, name: newcomer.name }).waitFor();
    await checkPage(admin, 'b-staff-member');
    await giveRole(admin, 'Designated Safeguarding Lead');
    await checkPage(admin, 'b-staff-member-dsl');

    // At her next sign-in she has to set up two-factor.
    await openSignIn(rosa);
    await fillSignIn(rosa, newcomer.email, newcomer.password);
    await rosa.waitForURL(/\/set-up-two-factor/);
    await rosa.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }).waitFor();
    await rosa.getByRole('img', { name: /QR code/i }).waitFor();
    const keyText = await rosa
      .getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/)
      .first()
      .textContent();
    const key = normaliseKey(keyText ?? '');
    expect(key, 'the manual key shown on the page').toMatch(/^[A-Z2-7]{16,}$/);
    await checkPage(rosa, 'b-set-up-two-factor');

    const code = await freshTotpCode(newcomer.email, key);
    await rosa.getByLabel('6-digit code').fill(code);
    await rosa.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await rosa.getByRole('heading', { level: 1, name: 'Save your recovery codes' }).waitFor();
    const codes = rosa.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    expect(await codes.count(), 'recovery codes shown').toBeGreaterThanOrEqual(5);
    await checkPage(rosa, 'b-recovery-codes');

    await rosa.getByRole('button', { name: 'I have saved these codes' }).click();
    await waitForHome(rosa, newcomer.greetingName);
    await rosa.getByRole('banner').getByRole('button', { name: /^Menu/ }).click();
    await rosa.getByText('Designated Safeguarding Lead').filter({ visible: true }).first().waitFor();
    await rosa.keyboard.press('Escape');
    await checkPage(rosa, 'b-newcomer-home-dsl');
  });
});

/** Gives a role on the staff member's page ("Give another role", then "Give role"). */
async function giveRole(page: Page, role: string): Promise<void> {
  await page.getByRole('group', { name: 'Give another role' }).getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Give role', exact: true }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: `now has the role ${role}` })
    .waitFor();
}
