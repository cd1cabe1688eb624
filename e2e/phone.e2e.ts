/**
 * Journey d: at phone width (360 px) the sign-in page and the home page fit the screen, with no
 * sideways scrolling.
 */
import { describe, test } from 'vitest';
import { checkPage, newPage, noHorizontalScroll, useBrowser } from './support/browser';
import { SCHOOL_ADMIN } from './support/people';
import { enterTwoFactorCode, fillSignIn, openSignIn, TWO_FACTOR_HEADING, waitForHome } from './support/sign-in';

useBrowser();

describe('on a phone', () => {
  // The school administrator has the fullest home page. Her two-factor code may have to wait for
  // the next 30-second step if another journey has just used one, hence the longer time.
  test('sign-in, two-factor and home pages do not scroll sideways at 360 px', { timeout: 120_000 }, async () => {
    const page = await newPage('phone');
    await openSignIn(page);
    await noHorizontalScroll(page, 'sign-in page');
    await checkPage(page, 'd-phone-sign-in');

    await fillSignIn(page, SCHOOL_ADMIN.email);
    await page.waitForURL(/\/sign-in\/two-factor/);
    await page.getByRole('heading', { level: 1, name: TWO_FACTOR_HEADING }).waitFor();
    await noHorizontalScroll(page, 'two-factor page');
    await checkPage(page, 'd-phone-two-factor');

    await enterTwoFactorCode(page, SCHOOL_ADMIN.email);
    await waitForHome(page, SCHOOL_ADMIN.greetingName);
    await noHorizontalScroll(page, 'home page');
    await checkPage(page, 'd-phone-home');
  });
});
