/**
 * Single sign-on (issue 21). The school administrator opens "Single sign-on" from the school
 * settings, reads what to enter, and connects a local OpenID Connect provider (oidc-provider, run by
 * this test) for Microsoft with the staff domain; "check" reaches it. The tutor then chooses
 * "Sign in with Microsoft" on the sign-in page, signs in at the provider's page and lands signed in
 * in Tandem. A parent's address is refused with the clear message. The trust administrator, who
 * holds no role in the school, reaches its single sign-on from the trust's list of schools.
 * Tandem's pages: axe and screenshots at desktop and 360 px, no sideways scroll.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startTestIdp, type TestIdp } from '../packages/server/test/sso-idp';
import { baseUrl, checkPage, newPage, useBrowser } from './support/browser';
import { checkEveryWay } from './support/pages';
import { PARENT, SCHOOL_ADMIN, TUTOR } from './support/people';
import { openSignIn, signIn, waitForHome } from './support/sign-in';

useBrowser();

/** The trust administrator of the demo trust (demo/demo-data.ts). */
const TRUST_ADMIN = {
  email: 'alex.morgan@riverbank.example',
  name: 'Alex Morgan',
  greetingName: 'Alex',
  twoFactor: true,
};

let idp: TestIdp;

beforeAll(async () => {
  idp = await startTestIdp(`${baseUrl()}/api/auth/sso/callback`);
  idp.addAccount({ email: TUTOR.email });
});

afterAll(async () => {
  await idp?.close();
});

describe('single sign-on for staff', () => {
  test(
    'the school administrator connects the provider; the tutor signs in with Microsoft',
    { timeout: 300_000 },
    async () => {
      const admin = await newPage('desktop');
      await signIn(admin, SCHOOL_ADMIN);
      const schoolPath = new URL(admin.url()).pathname;

      await admin.goto(`${baseUrl()}${schoolPath}/settings`);
      await admin.getByRole('link', { name: 'single sign-on' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Single sign-on for staff' }).waitFor();
      await admin.getByText('What to enter when connecting').waitFor();
      await admin.getByText(`${baseUrl()}/api/auth/sso/callback`).waitFor();
      await checkEveryWay(admin, 'sso-settings-empty');

      await admin.getByRole('link', { name: 'Connect Microsoft' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Connect Microsoft' }).waitFor();
      await checkEveryWay(admin, 'sso-connect-microsoft');
      // Saved with nothing entered: the clear messages, nothing saved.
      await admin.getByRole('button', { name: 'Save the connection' }).click();
      await admin.getByRole('alert').getByText('Enter the Directory (tenant) ID', { exact: false }).waitFor();
      await checkPage(admin, 'sso-connect-errors');

      await admin.getByText('Use another issuer address').click();
      await admin.getByLabel('Issuer address').fill(idp.issuer);
      await admin.getByLabel('Application (client) ID').fill(idp.clientId);
      await admin.getByLabel('Client secret').fill(idp.clientSecret);
      await admin.getByLabel('Staff email domains').fill('kingsmead.example');
      await admin.getByRole('button', { name: 'Save the connection' }).click();
      await admin.getByText('Microsoft connection saved').waitFor();
      await admin.getByText('Saved', { exact: true }).waitFor();
      await admin.getByRole('button', { name: 'Check the Microsoft connection' }).click();
      await admin
        .getByRole('status')
        .getByText(/^Tandem reached/)
        .waitFor();
      await checkEveryWay(admin, 'sso-settings-connected');

      // The tutor: email typed, "Sign in with Microsoft", the provider's page, back in Tandem.
      const tutor = await newPage('phone');
      await openSignIn(tutor);
      await tutor.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor();
      await checkEveryWay(tutor, 'sso-sign-in');
      await tutor.getByRole('button', { name: 'Sign in with Microsoft' }).click();
      await tutor
        .getByRole('alert')
        .getByText('Enter your school email address, then choose Sign in with Microsoft')
        .waitFor();
      await tutor.getByLabel('Email address').fill(TUTOR.email);
      await tutor.getByRole('button', { name: 'Sign in with Microsoft' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Test identity provider' }).waitFor();
      await tutor.getByRole('button', { name: 'Sign in' }).click();
      await waitForHome(tutor, TUTOR.greetingName);
      await checkEveryWay(tutor, 'sso-tutor-home');

      // A parent's address: the school has not connected it; the page says so, plainly.
      const parent = await newPage('desktop');
      await openSignIn(parent);
      await parent.getByLabel('Email address').fill(PARENT.email);
      await parent.getByRole('button', { name: 'Sign in with Microsoft' }).click();
      await parent
        .getByRole('alert')
        .getByText('Your school has not turned on Microsoft sign-in for this address. Sign in with your password.')
        .first()
        .waitFor();
      await checkPage(parent, 'sso-sign-in-refused');

      // The trust administrator: the trust's schools, then the school's single sign-on.
      const trustAdmin = await newPage('phone');
      await signIn(trustAdmin, TRUST_ADMIN);
      const nav = trustAdmin.getByRole('navigation', { name: 'Trust' });
      const menu = nav.getByRole('button', { name: /^Menu/ });
      if (await menu.isVisible()) await menu.click();
      await nav.getByRole('link', { name: 'Schools', exact: true }).click();
      await trustAdmin.getByRole('link', { name: 'Single sign-on for Kingsmead Academy' }).click();
      await trustAdmin.getByRole('heading', { level: 1, name: 'Single sign-on for staff' }).waitFor();
      await trustAdmin.getByRole('button', { name: 'Check the Microsoft connection' }).waitFor();
      await checkEveryWay(trustAdmin, 'sso-settings-trust-admin');
    },
  );
});
