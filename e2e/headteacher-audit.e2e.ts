/**
 * Journey a: the headteacher signs in with two-factor, lands on her school's home page, opens the
 * audit trail and finds her own sign-in there, with restricted record activity shown only as a count.
 */
import { describe, test } from 'vitest';
import { checkPage, newPage, useBrowser } from './support/browser';
import { HEAD } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

describe('the headteacher', () => {
  test('signs in with two-factor and sees her own sign-in in the audit trail', async () => {
    const page = await newPage('desktop');
    await signIn(page, HEAD, { check: 'a-headteacher' });

    await page.getByRole('navigation', { name: 'School' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL(/\/schools\/[^/]+\/audit/);
    await page.getByRole('heading', { level: 1, name: /audit trail/i }).waitFor();

    // Her own sign-in, just now: a row naming her with a sign-in event.
    const ownSignIn = page
      .getByRole('row')
      .filter({ hasText: HEAD.name })
      .filter({ hasText: /signed in/i });
    await ownSignIn.first().waitFor();
    // Not being DSL, she sees restricted record activity only as a count (issue 16).
    await page.getByText('Restricted record activity:').waitFor();
    await checkPage(page, 'a-headteacher-audit');
  });
});
