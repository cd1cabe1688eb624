/**
 * Logging a concern through an outage (issue 19). A tutor on a phone opens the log-a-concern form,
 * then loses the connection: he writes an urgent concern all the same and is told at once to find
 * the DSL in person and, if a child is in danger, to call 999. The concern is kept on the phone,
 * "Waiting to send" with the time. He closes the page and opens Tandem again, still offline: the
 * app opens from the service worker and the concern is still waiting. When the connection returns
 * (two tabs open), it is sent once: the DSL finds exactly one concern with its text, and is alerted.
 * A concern typed offline and never sent is kept on the device too: closing the page loses nothing,
 * and once Tandem can be reached it becomes the server's draft and the device's copy is cleared.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, checkA11y, newPage, screenshot, useBrowser } from './support/browser';
import { checkEveryWay } from './support/pages';
import { DSL, TUTOR } from './support/people';
import { fillSignIn, signIn } from './support/sign-in';
import { answerFirstQuestions } from './support/concern-form';

useBrowser();

/**
 * What this browser keeps on the device (without creating the database): in `pupils`, how many
 * pupils the offline form could choose from; in `drafts`, how many unsent forms.
 */
function keptCount(page: Page, store: 'pupils' | 'drafts'): Promise<number> {
  return page.evaluate(async (name) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('tandem-offline')) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open('tandem-offline');
      open.onerror = () => {
        resolve(0);
      };
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(name)) {
          db.close();
          resolve(0);
          return;
        }
        const all = db.transaction(name).objectStore(name).getAll();
        all.onsuccess = () => {
          db.close();
          const rows = all.result as { pupils?: unknown[] }[];
          resolve(name === 'pupils' ? rows.reduce((n, list) => n + (list.pupils?.length ?? 0), 0) : rows.length);
        };
        all.onerror = () => {
          db.close();
          resolve(0);
        };
      };
    });
  }, store);
}

/**
 * Starts signing out with something kept on the device: the warning says what stays (`says`), passes
 * axe, is photographed, and "Stay signed in" keeps the session.
 */
async function warnedThenStay(page: Page, says: string, shot: string) {
  await startSigningOut(page);
  const warning = page.getByRole('dialog', { name: 'A concern has not been sent yet' });
  await warning.getByText(says).waitFor();
  await checkA11y(page, `sign-out warning: ${shot}`);
  await screenshot(page, shot);
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await warning.waitFor({ state: 'hidden' });
}

/** Presses "Sign out" (on a phone, in the header's menu). */
async function startSigningOut(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign out', exact: true });
  if (!(await button.isVisible())) await page.getByRole('banner').getByRole('button', { name: /^Menu/ }).click();
  await button.click();
}

/** Opens the log-a-concern form online and waits until it would work offline. */
async function openFormReadyForOffline(page: Page): Promise<string> {
  await page.getByRole('banner').getByRole('link', { name: 'Log a concern' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log a concern' }).waitFor();
  // The service worker has taken control, and the pupils are kept for choosing one offline.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(() => keptCount(page, 'pupils'), { timeout: 20_000 }).toBeGreaterThan(10);
  return new URL(page.url()).pathname;
}

/** Chooses the first pupil the offline search finds; returns their name. */
async function choosePupilOffline(page: Page, search: string): Promise<string> {
  await page.getByLabel('Search by name').fill(search);
  await page.getByText('from the list kept on this device').waitFor();
  const choice = page.getByRole('list', { name: 'Matching pupils' }).getByRole('button').first();
  const pupil = ((await choice.locator('.picker__name').textContent()) ?? '').trim();
  expect(pupil.startsWith(`${search} `)).toBe(true);
  await choice.click();
  await page.getByRole('list', { name: 'Pupils chosen' }).getByRole('listitem').filter({ hasText: pupil }).waitFor();
  return pupil;
}

interface Summary {
  id: string;
  loggedByName: string;
  pupils: { id: string; name: string }[];
}

describe('logging a concern through an outage', () => {
  test(
    'a concern written offline waits on the phone, survives closing the page, and is sent once when back online',
    { timeout: 300_000 },
    async () => {
      const account = `Offline check ${String(Date.now())}: he told me at break that he is frightened to go home tonight.`;

      // --- The DSL, signed in on a desktop: how many unread alerts before.
      const dsl = await newPage('desktop');
      await signIn(dsl, DSL);
      const schoolId = /\/schools\/([^/?#]+)/.exec(dsl.url())?.[1] ?? '';
      expect(schoolId).not.toBe('');
      const alertsBefore = (await (await dsl.request.get(`/api/schools/${schoolId}/alerts?unread=true`)).json()) as {
        unread: number;
      };

      // --- The tutor, on his phone, opens the form while the connection is there.
      const tutor = await newPage('phone');
      const context = tutor.context();
      await signIn(tutor, TUTOR);
      // The web app is installable: a manifest with icons at 192 and 512 px.
      const manifestHref = await tutor.locator('link[rel="manifest"]').getAttribute('href');
      const manifest = (await (await tutor.request.get(manifestHref ?? '')).json()) as {
        name: string;
        theme_color: string;
        icons: { sizes: string; type: string }[];
      };
      expect(manifest.name).toBe('Tandem');
      expect(manifest.theme_color).toMatch(/^#/);
      expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
      const sw = await tutor.request.get('/sw.js');
      expect(sw.headers()['cache-control']).toBe('no-cache');

      const formUrl = await openFormReadyForOffline(tutor);

      // --- The connection goes.
      await context.setOffline(true);
      await tutor.getByText('You are offline.').waitFor();
      await answerFirstQuestions(tutor, { medical: 'No', harm: 'Yes', childProtection: 'No' });
      // At once: find the DSL in person, and no alert can be sent until Tandem can be reached.
      const early = tutor.getByRole('region', { name: 'Find the DSL in person now' });
      await early.getByText('no alert can be sent to the DSL team').waitFor();
      await early.getByRole('link', { name: 'call 999' }).waitFor();

      // The pupil, found in the list kept on the phone.
      const pupil = await choosePupilOffline(tutor, 'Oluwaseun');
      await tutor.getByLabel('Where did it happen?').fill('Playground, at break');
      await tutor.getByLabel('What did you see or hear?').fill(account);
      await checkEveryWay(tutor, 'o-offline-form');

      await tutor.getByRole('button', { name: 'Send concern' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Find the DSL in person now' }).waitFor();
      await tutor.getByText('No alert can be sent until Tandem can be reached').waitFor();
      await tutor.getByRole('link', { name: 'call 999' }).first().waitFor();
      const main = tutor.getByRole('main');
      await main.getByRole('heading', { name: 'Waiting to send' }).waitFor();
      await main.getByText(/written \d\d:\d\d/).waitFor();
      await tutor.getByRole('banner').getByText('Waiting to send:').waitFor();
      await checkEveryWay(tutor, 'o-offline-waiting');

      // Signing out now asks first: the concern stays on the phone either way.
      await warnedThenStay(tutor, 'sent the next time you sign in on this device', 'o-sign-out-warning');

      // --- Closing the page loses nothing: opened again, still offline, from the service worker.
      await tutor.close();
      const again = await context.newPage();
      await again.goto(formUrl);
      await again.getByRole('heading', { level: 1, name: 'Log a concern' }).waitFor();
      const waiting = again.getByRole('region', { name: 'Waiting to send' });
      await waiting.getByText(`Concern about ${pupil}`).waitFor();
      await waiting.getByText(/Waiting to send · written \d\d:\d\d/).waitFor();
      await again.getByRole('banner').getByText('Waiting to send:').waitFor();
      await again.getByRole('banner').getByText('call 999').waitFor();
      await checkEveryWay(again, 'o-offline-reopened');

      // A second tab too: both see the connection return, and the concern is still sent once.
      const other = await context.newPage();
      await other.goto(formUrl);
      await other.getByRole('banner').getByText('Waiting to send:').waitFor();

      // --- The connection returns. Whichever tab takes the outbox first sends it and says "Sent:".
      await context.setOffline(false);
      const sender = await Promise.any(
        [again, other].map((tab) =>
          tab
            .getByRole('banner')
            .getByText('Sent:')
            .waitFor({ timeout: 45_000 })
            .then(() => tab),
        ),
      );
      const reference =
        (await sender
          .getByRole('banner')
          .getByRole('link', { name: /^C-\d{4}-\d{4}$/ })
          .textContent()) ?? '';
      expect(reference).toMatch(/^C-\d{4}-\d{4}$/);
      await expect.poll(() => again.getByText('Waiting to send:').count(), { timeout: 45_000 }).toBe(0);
      await expect.poll(() => other.getByText('Waiting to send:').count(), { timeout: 45_000 }).toBe(0);
      await checkEveryWay(sender, 'o-back-online-sent');

      // --- As the DSL, through the API: exactly one concern with that text, and an alert for it.
      const queue = (await (
        await dsl.request.get(`/api/schools/${schoolId}/concerns?queue=dsl&status=active&limit=100`)
      ).json()) as { concerns: Summary[] };
      const candidates = queue.concerns.filter(
        (c) => c.loggedByName === TUTOR.name && c.pupils.some((p) => p.name === pupil),
      );
      const withText: string[] = [];
      for (const c of candidates) {
        const view = (await (await dsl.request.get(`/api/schools/${schoolId}/concerns/${c.id}`)).json()) as {
          concern: { account?: string };
        };
        if (view.concern.account === account) withText.push(c.id);
      }
      expect(withText).toHaveLength(1);
      const alerts = (await (await dsl.request.get(`/api/schools/${schoolId}/alerts?unread=true`)).json()) as {
        unread: number;
        alerts: { concernId: string | null }[];
      };
      expect(alerts.unread).toBeGreaterThan(alertsBefore.unread);
      expect(alerts.alerts.some((a) => a.concernId === withText[0])).toBe(true);
      // The DSL's page shows it too.
      await dsl.goto(`/schools/${schoolId}/alerts`);
      await dsl.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
      await checkEveryWay(dsl, 'o-dsl-alerts');
      process.stderr.write(`[e2e] offline concern ${reference} sent once, DSL alerted (base ${baseUrl()})\n`);
    },
  );

  test(
    'signing out with a concern waiting keeps it on the device, and it is sent when the same person signs in again',
    { timeout: 240_000 },
    async () => {
      const account = `Offline sign-out check ${String(Date.now())}: she was tearful in the lesson and would not say why.`;
      const tutor = await newPage('desktop');
      const context = tutor.context();
      await signIn(tutor, TUTOR);
      const schoolId = /\/schools\/([^/?#]+)/.exec(tutor.url())?.[1] ?? '';
      await openFormReadyForOffline(tutor);

      await context.setOffline(true);
      await tutor.getByText('You are offline.').waitFor();
      for (const name of ['Is this a medical emergency?', /risk of immediate harm/, /child-protection matter/]) {
        await tutor.getByRole('group', { name }).getByRole('radio', { name: 'No' }).check();
      }
      const pupil = await choosePupilOffline(tutor, 'Priya');
      await tutor.getByLabel('Where did it happen?').fill('Room 3, period 2');
      await tutor.getByLabel('What did you see or hear?').fill(account);
      await tutor.getByRole('button', { name: 'Send concern' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Saved on this device' }).waitFor();
      await tutor.getByText(`Your concern about ${pupil}`).waitFor();
      // Not urgent: no call to find the DSL.
      expect(await tutor.getByText('Find the DSL in person now').count()).toBe(0);
      await checkEveryWay(tutor, 'o-saved-not-urgent');

      // Signing out anyway, still offline: the concern stays, waiting for the person who wrote it.
      await startSigningOut(tutor);
      const warning = tutor.getByRole('dialog', { name: 'A concern has not been sent yet' });
      await warning.getByRole('button', { name: 'Sign out', exact: true }).click();
      await tutor.waitForURL(/\/sign-in/);
      await tutor.getByRole('heading', { level: 1, name: /^sign in\b/i }).waitFor();
      const waitingForWriter = tutor.getByText('It will be sent when the person who wrote it signs in again.');
      await waitingForWriter.waitFor();
      await checkEveryWay(tutor, 'o-signed-out-waiting');

      // Back online, nobody signed in: it waits. Then he signs in again, and it is sent.
      await context.setOffline(false);
      // The sign-out that could not reach the server is finished now: that session has ended.
      await expect
        .poll(
          async () => ((await (await tutor.request.get('/api/auth/session')).json()) as { signedIn: boolean }).signedIn,
        )
        .toBe(false);
      await waitingForWriter.waitFor();
      await fillSignIn(tutor, TUTOR.email);
      // Back where he was (the form, or his home page).
      await tutor.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      const banner = tutor.getByRole('banner');
      await banner.getByText('Sent:').waitFor({ timeout: 45_000 });
      const reference = (await banner.getByRole('link', { name: /^C-\d{4}-\d{4}$/ }).textContent()) ?? '';
      expect(await tutor.getByText('Waiting to send:').count()).toBe(0);
      await checkEveryWay(tutor, 'o-signed-in-again-sent');
      const mine = (await (await tutor.request.get(`/api/schools/${schoolId}/concerns/mine`)).json()) as {
        concerns: { reference: string }[];
      };
      expect(mine.concerns.filter((c) => c.reference === reference)).toHaveLength(1);
    },
  );

  test(
    'a concern typed offline and never sent survives closing the page, and becomes the server draft when back online',
    { timeout: 240_000 },
    async () => {
      const account = `Offline draft check ${String(Date.now())}: he had bruises on his arm and would not say how.`;
      const tutor = await newPage('phone');
      const context = tutor.context();
      await signIn(tutor, TUTOR);
      const schoolId = /\/schools\/([^/?#]+)/.exec(tutor.url())?.[1] ?? '';
      const formUrl = await openFormReadyForOffline(tutor);

      // --- Offline, he starts writing and does not press "Send".
      await context.setOffline(true);
      await tutor.getByText('You are offline.').waitFor();
      await tutor.getByLabel('Where did it happen?').fill('Corridor by the library');
      await tutor.getByLabel('What did you see or hear?').fill(account);
      // The draft could not reach the server: it is kept on the phone, and the form says so.
      await tutor.getByText('Saved on this device: Tandem cannot be reached just now.').first().waitFor();
      await expect.poll(() => keptCount(tutor, 'drafts')).toBe(1);
      await checkEveryWay(tutor, 'o-draft-on-device');

      // Signing out now asks first, and says the concern he started stays on the phone.
      await warnedThenStay(
        tutor,
        'A concern you started writing, and have not sent, is saved on this device',
        'o-sign-out-warning-draft',
      );

      // --- He closes the page; opened again, still offline, what he typed is back.
      await tutor.close();
      const again = await context.newPage();
      await again.goto(formUrl);
      await again.getByRole('heading', { level: 1, name: 'Log a concern' }).waitFor();
      await again.getByText(/^Your unsent concern from \d\d:\d\d has been brought back\.$/).waitFor();
      expect(await again.getByLabel('What did you see or hear?').inputValue()).toBe(account);
      expect(await again.getByLabel('Where did it happen?').inputValue()).toBe('Corridor by the library');
      await checkEveryWay(again, 'o-draft-brought-back');

      // --- The connection returns: it becomes the draft on the server, and the phone's copy goes.
      await context.setOffline(false);
      const serverDraft = async () =>
        (
          (await (await again.request.get(`/api/schools/${schoolId}/concerns/draft`)).json()) as {
            draft: { account?: string } | null;
          }
        ).draft?.account ?? null;
      await expect.poll(serverDraft, { timeout: 20_000 }).toBe(account);
      await expect.poll(() => keptCount(again, 'drafts'), { timeout: 20_000 }).toBe(0);
      await again
        .getByText(/^Draft saved \d\d:\d\d$/)
        .first()
        .waitFor();

      // Cleared by hand, it is gone from the server too (the next form opens empty).
      await again.getByRole('button', { name: 'Clear the form and start again' }).click();
      await expect.poll(serverDraft, { timeout: 20_000 }).toBe(null);
      expect(await keptCount(again, 'drafts')).toBe(0);
    },
  );
});
