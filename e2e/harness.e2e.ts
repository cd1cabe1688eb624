/**
 * The checks the journeys rely on can fail: a planted accessibility fault, an invisible focus and a
 * page wider than a phone are each caught. Without this, a broken check would pass every page.
 */
import { describe, expect, test } from 'vitest';
import { checkA11y, expectFocusVisible, newPage, noHorizontalScroll, useBrowser } from './support/browser';
import { openSignIn } from './support/sign-in';

useBrowser();

describe('the browser-test checks', () => {
  test('axe reports an image without a text alternative', async () => {
    const page = await newPage('desktop');
    await openSignIn(page);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/favicon.svg';
      document.querySelector('main')?.append(img);
    });
    await expect(checkA11y(page, 'planted fault')).rejects.toThrow(/image-alt/);
  });

  test('a focused element without an outline or shadow is reported', async () => {
    const page = await newPage('desktop');
    await openSignIn(page);
    const email = page.getByLabel('Email address');
    await email.evaluate((el: HTMLElement) => {
      el.style.outline = 'none';
      el.style.boxShadow = 'none';
    });
    await email.focus();
    await expect(expectFocusVisible(page)).rejects.toThrow(/focus is not visible/);
  });

  test('a page wider than the phone is reported', async () => {
    const page = await newPage('phone');
    await openSignIn(page);
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '900px';
      wide.style.height = '10px';
      document.querySelector('main')?.append(wide);
    });
    await expect(noHorizontalScroll(page, 'planted wide box')).rejects.toThrow(/scrolls sideways/);
  });
});
