/**
 * Private calendar feeds (issue 21, "Calendars"). The SMHL opens "Calendar feed" from the home
 * page and reads what a feed is; they set one up, are shown its address once with how to add it to
 * Outlook and Google Calendar, and copy it. Their calendar fetches the address (no session):
 * meetings, plan reviews, next steps and reduced timetable reviews, with initials and no names.
 * After reloading, the address is gone and the page says a feed is set up. They renew it: the old
 * address answers 404 at once, the new one works. On a phone, the DSL sees the feed the demo set
 * up for them. Every page: axe and a screenshot at desktop and 360 px, no sideways scroll at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, newPage, useBrowser } from './support/browser';
import { checkEveryWay } from './support/pages';
import { DSL, SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const TITLE = 'Calendar feed';
const ADDRESS = /^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/;

async function openCalendarFeed(page: Page): Promise<void> {
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

/** The address as the person's calendar fetches it: no cookies, no session. */
async function fetchFeed(address: string): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(`${baseUrl()}${new URL(address).pathname}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

async function shownAddress(page: Page): Promise<string> {
  const field = page.getByRole('textbox', { name: 'Calendar address' });
  await field.waitFor();
  return field.inputValue();
}

describe('calendar feeds', () => {
  test(
    'the SMHL sets up a feed, copies it, their calendar reads it, and they renew it',
    { timeout: 300_000 },
    async () => {
      const page = await newPage('desktop');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
      await signIn(page, SMHL);
      await openCalendarFeed(page);
      await page.getByText('You have no calendar feed.', { exact: false }).waitFor();
      await page.getByText('meetings you lead or are invited to').waitFor();
      await checkEveryWay(page, 'calendar-empty');

      await page.getByRole('button', { name: 'Set up a calendar feed' }).click();
      await page.getByRole('heading', { level: 2, name: 'Your calendar address' }).waitFor();
      const address = await shownAddress(page);
      expect(address).toMatch(ADDRESS);
      await page.getByRole('heading', { name: 'Add it to Outlook' }).waitFor();
      await page.getByRole('heading', { name: 'Add it to Google Calendar' }).waitFor();
      await page.getByRole('button', { name: 'Copy address' }).click();
      const status = page.getByRole('status').filter({ hasText: /Address copied|copy it yourself/ });
      await status.waitFor();
      if ((await status.textContent())?.includes('Address copied')) {
        await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(address);
      }
      await checkEveryWay(page, 'calendar-address');

      // Their calendar reads it: their own dates, initials only.
      const feed = await fetchFeed(address);
      expect(feed.status).toBe(200);
      expect(feed.type).toMatch(/^text\/calendar/);
      expect(feed.text).toContain('BEGIN:VCALENDAR');
      expect(feed.text).toMatch(/SUMMARY:Meeting — [A-Z]\.[A-Z]\./);
      expect(feed.text).toMatch(/SUMMARY:Plan review — [A-Z]\.[A-Z]\./);
      expect(feed.text).not.toContain('Olivia');
      expect(feed.text).not.toContain('Clarke');

      // Shown once: after reloading, the page says a feed is set up and the address is gone.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Your feed' }).waitFor();
      await expect(page.getByRole('textbox', { name: 'Calendar address' }).count()).resolves.toBe(0);
      await expect(page.getByText(address).count()).resolves.toBe(0);
      await checkEveryWay(page, 'calendar-set-up');

      // Renewing ends the old address at once.
      await page.getByRole('button', { name: 'Renew address' }).click();
      const dialog = page.getByRole('dialog', { name: 'Renew your calendar address?' });
      await dialog.waitFor();
      await checkEveryWay(page, 'calendar-renew-dialog');
      await dialog.getByRole('button', { name: 'Renew address' }).click();
      await page.getByRole('heading', { level: 2, name: 'Your new calendar address' }).waitFor();
      const renewed = await shownAddress(page);
      expect(renewed).toMatch(ADDRESS);
      expect(renewed).not.toBe(address);
      await page.getByText('The old address has stopped working.', { exact: false }).waitFor();
      expect((await fetchFeed(address)).status).toBe(404);
      expect((await fetchFeed(renewed)).status).toBe(200);
    },
  );

  test('on a phone, the DSL sees the feed the demo set up for them', { timeout: 120_000 }, async () => {
    const page = await newPage('phone');
    await signIn(page, DSL);
    await openCalendarFeed(page);
    await page.getByRole('heading', { level: 2, name: 'Your feed' }).waitFor();
    await page.getByText('Last read by a calendar').waitFor();
    await page.getByRole('button', { name: 'Stop feed' }).waitFor();
    await checkEveryWay(page, 'calendar-dsl-phone');
  });
});
