/**
 * Journey c: the tutor signs in and moves around with the keyboard only (Tab, Shift+Tab, Enter and
 * typing). The skip link is the first thing Tab reaches and it moves focus to the main content;
 * whatever has focus shows it.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage, expectFocusVisible, newPage, tabTo, useBrowser } from './support/browser';
import { TUTOR, PASSWORD } from './support/people';
import { HOME_PATH, openSignIn, SIGN_IN_HEADING } from './support/sign-in';

useBrowser();

/** Tab from the top of a freshly loaded page: the skip link comes first, is on screen, and works. */
async function useSkipLink(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /skip to (main )?content/i });
  expect(await skip.evaluate((el) => el === document.activeElement), 'the first Tab reaches the skip link').toBe(true);
  await expectFocusVisible(page);
  const box = await skip.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the focused skip link is displayed').not.toBeNull();
  expect(box!.width * box!.height, 'the focused skip link has a size').toBeGreaterThan(0);
  expect(
    box!.y >= 0 && box!.x >= 0 && box!.x + box!.width <= (viewport?.width ?? Infinity),
    'the focused skip link is on screen',
  ).toBe(true);

  await page.keyboard.press('Enter');
  const inMain = await page.evaluate(() => {
    const main = document.querySelector('main');
    const active = document.activeElement;
    return main !== null && active !== null && (active === main || main.contains(active));
  });
  expect(inMain, 'after the skip link, focus is in the main content').toBe(true);
}

describe('keyboard only', () => {
  test('the tutor signs in and out with Tab and Enter; skip link and focus are visible', async () => {
    const page = await newPage('desktop');
    await openSignIn(page);
    await checkPage(page, 'c-keyboard-sign-in');
    // Start again from a fresh load so that focus begins at the top of the document.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SIGN_IN_HEADING }).waitFor();

    await useSkipLink(page);
    await tabTo(page, page.getByLabel('Email address'), 'the email field');
    await page.keyboard.type(TUTOR.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }), 'the password field');
    await page.keyboard.type(PASSWORD);
    await tabTo(page, page.getByRole('button', { name: 'Sign in', exact: true }), 'the Sign in button');
    await page.keyboard.press('Enter');

    await page.waitForURL(HOME_PATH);
    await page.getByRole('heading', { level: 1, name: new RegExp(`\\b${TUTOR.greetingName}\\b`) }).waitFor();
    await checkPage(page, 'c-keyboard-home');

    // A fresh load of the home page: the skip link works here too.
    const home = page.getByRole('heading', { level: 1, name: new RegExp(`\\b${TUTOR.greetingName}\\b`) });
    await page.reload();
    await home.waitFor();
    await useSkipLink(page);

    // And from the top again, through the header to Sign out.
    await page.reload();
    await home.waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Sign out', exact: true }), 'the Sign out button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: SIGN_IN_HEADING }).waitFor();
  });
});
