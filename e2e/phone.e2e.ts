/**
 * Journey d: at phone width (360 px) the sign-in page and the home page fit the screen, with no
 * sideways scrolling; the header leaves the screen to the page, and the log-a-concern form is short.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkPage, expectFocusVisible, newPage, noHorizontalScroll, screenshot, useBrowser } from './support/browser';
import { SCHOOL_ADMIN, TUTOR } from './support/people';
import { enterTwoFactorCode, fillSignIn, openSignIn, signIn, TWO_FACTOR_HEADING, waitForHome } from './support/sign-in';

/**
 * The log-a-concern page at 360 × 640 with the three safety questions answered "No" (the whole form
 * showing), before the header was made compact and the warning signs folded: 5,962 px, 9.3 screens
 * (the form itself 4,566 px). The header then took 46.6% of the first screen (298 px).
 */
const FORM_PAGE_HEIGHT_BEFORE = 5962;

async function headerShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const header = document.querySelector('header');
    return (header?.getBoundingClientRect().height ?? Infinity) / window.innerHeight;
  });
}

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

  test(
    'at 360 × 640 the header takes under a fifth of the screen, and the concern form folds its warning signs',
    { timeout: 120_000 },
    async () => {
      const page = await newPage('phone');
      await page.setViewportSize({ width: 360, height: 640 });
      await signIn(page, TUTOR);
      const onHome = await headerShare(page);
      expect(onHome, `header share of the screen on the home page: ${onHome.toFixed(3)}`).toBeLessThan(0.2);
      await screenshot(page, 'd-phone-header-home');

      // The menu button opens who you are, the school's pages and signing out, by keyboard too.
      const nav = page.getByRole('navigation', { name: 'School' });
      const menu = nav.getByRole('button', { name: /^Menu/ });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'Your concerns', exact: true }).waitFor();
      await nav.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
      await nav.getByText(TUTOR.name).waitFor();
      await screenshot(page, 'd-phone-menu-open');
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Menu/);
      await expectFocusVisible(page);

      await page.getByRole('banner').getByRole('link', { name: 'Log a concern' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log a concern' }).waitFor();
      expect(await headerShare(page)).toBeLessThan(0.2);
      for (const name of ['Is this a medical emergency?', /risk of immediate harm/, /child-protection matter/]) {
        await page.getByRole('group', { name }).getByRole('radio', { name: 'No' }).check();
      }
      await page.getByLabel('Where did it happen?').waitFor();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      process.stderr.write(
        `[e2e] at 360 × 640: header ${(onHome * 100).toFixed(1)}% of the screen; log-a-concern page ${String(height)} px ` +
          `(${(height / 640).toFixed(1)} screens; before: ${String(FORM_PAGE_HEIGHT_BEFORE)} px)\n`,
      );
      // Half as long at most, with every question and "Help now" (DESIGN.md) still on the page: the
      // warning signs and the optional parts fold, Help now is compact, and the spacing is tighter.
      expect(height).toBeLessThanOrEqual(FORM_PAGE_HEIGHT_BEFORE * 0.5);
      await checkPage(page, 'd-phone-log-concern-folded');

      // The warning signs fold, and open from the keyboard; the summary counts what is ticked.
      const summary = page.locator('summary').filter({ hasText: 'Add warning signs' });
      const sign = page.getByRole('checkbox', { name: 'Talking or joking about self-harm or suicide' });
      expect(await sign.isVisible()).toBe(false);
      await summary.focus();
      await page.keyboard.press('Enter');
      await sign.waitFor();
      await sign.focus();
      await page.keyboard.press('Space');
      expect(await sign.isChecked()).toBe(true);
      await page.getByText('(1 ticked)').waitFor();
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await sign.isVisible()).toBe(false);
      await page.getByText('(1 ticked)').waitFor();

      // The optional parts fold the same way, and say when they hold an answer.
      const others = page.locator('summary').filter({ hasText: 'Add who else was there' });
      await others.focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Who else was there? (optional)').fill('Mr Shah, the teaching assistant');
      await others.focus();
      await page.keyboard.press('Enter');
      expect(await page.getByLabel('Who else was there? (optional)').isVisible()).toBe(false);
      await page.getByText('(filled in)').waitFor();
      await page.locator('summary').filter({ hasText: 'Add photos or documents' }).waitFor();
    },
  );
});
