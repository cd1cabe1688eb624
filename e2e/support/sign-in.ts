/** Signing in through the web app, as a person would. */
import type { Page } from 'playwright-core';
import { checkPage } from './browser';
import { PASSWORD } from './people';
import { freshTotpCode } from './totp';

export const HOME_PATH = /\/(schools|trusts)\/[^/?#]+$/;
export const SIGN_IN_HEADING = /^sign in\b/i;
export const TWO_FACTOR_HEADING = /code from your authenticator app/i;

export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: SIGN_IN_HEADING }).waitFor();
}

export async function fillSignIn(page: Page, email: string, password: string = PASSWORD): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** On the two-factor page: enter a code for the account that has not been used yet. */
export async function enterTwoFactorCode(page: Page, email: string, secret?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: TWO_FACTOR_HEADING }).waitFor();
  const code = await freshTotpCode(email, secret);
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

export async function waitForHome(page: Page, greetingName: string): Promise<void> {
  await page.waitForURL(HOME_PATH);
  await page.getByRole('heading', { level: 1, name: new RegExp(`\\b${greetingName}\\b`) }).waitFor();
}

/**
 * The whole sign-in, ending on the home page. With `check`, every page on the way is checked with
 * axe and photographed at both widths, named `<check>-sign-in`, `<check>-two-factor`, `<check>-home`.
 */
export async function signIn(
  page: Page,
  person: { email: string; greetingName: string; twoFactor: boolean },
  options: { password?: string; check?: string } = {},
): Promise<void> {
  await openSignIn(page);
  if (options.check) await checkPage(page, `${options.check}-sign-in`);
  await fillSignIn(page, person.email, options.password);
  if (person.twoFactor) {
    await page.waitForURL(/\/sign-in\/two-factor/);
    await page.getByRole('heading', { level: 1, name: TWO_FACTOR_HEADING }).waitFor();
    if (options.check) await checkPage(page, `${options.check}-two-factor`);
    await enterTwoFactorCode(page, person.email);
  }
  await waitForHome(page, person.greetingName);
  if (options.check) await checkPage(page, `${options.check}-home`);
}

export async function signOut(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign out', exact: true });
  // On a phone, signing out is in the header's menu.
  if (!(await button.isVisible())) await page.getByRole('banner').getByRole('button', { name: /^Menu/ }).click();
  await button.click();
  await page.waitForURL(/\/sign-in/);
}
