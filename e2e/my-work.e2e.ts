/**
 * Journey (issue 16): each role's home says what needs them today. The 9W tutor, on a 360 px phone,
 * finds the risk assessment given to his teaching group under "To read and confirm" at the top of
 * his home page and in the header's count, opens it, confirms he has read it, and is back home with
 * it gone from both. The DSL's home puts the urgent concerns nobody has acknowledged first; the
 * Mental Health Lead's shows their queue with how long each concern has waited. Every page: axe,
 * screenshots at both widths, no sideways scroll at 360 px.
 */
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser, VIEWPORTS } from './support/browser';
import { checkEveryWay } from './support/pages';
import { DSL, SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';
import { answerFirstQuestions } from './support/concern-form';

useBrowser();

describe('what needs me today', () => {
  test('a tutor confirms reading a plan from his home page, on a phone', { timeout: 180_000 }, async () => {
    const tutor = await newPage('phone');
    await signIn(tutor, TUTOR);
    const home = new URL(tutor.url()).pathname;

    const toRead = tutor.getByRole('region', { name: /^To read and confirm/ });
    await toRead.waitFor();
    const links = toRead.getByRole('link');
    await links.first().waitFor();
    const before = await links.count();
    expect(before).toBeGreaterThan(0);
    // It comes first: above logging a concern and the list of what the tutor can do.
    const toReadTop = (await toRead.boundingBox())?.y ?? Infinity;
    const logTop = (await tutor.getByRole('heading', { name: 'Worried about a pupil?' }).boundingBox())?.y ?? 0;
    expect(toReadTop).toBeLessThan(logTop);
    await checkEveryWay(tutor, 'mw-tutor-home-to-read');

    const first = links.first();
    const name = ((await first.textContent()) ?? '').trim();
    expect(name).not.toBe('');
    await first.click();
    await tutor.getByRole('heading', { level: 1 }).waitFor();
    // Away from home the header carries the count (on a phone, a line under the header bar).
    const header = tutor.getByRole('banner').getByRole('link', { name: /^To read/ });
    await header.waitFor();
    expect(await header.textContent()).toContain(`${String(before)}\u00a0plan`);
    await tutor.getByRole('button', { name: /^I have read this/ }).waitFor();
    await checkEveryWay(tutor, 'mw-tutor-plan-to-confirm');
    await tutor.getByRole('button', { name: /^I have read this/ }).click();
    await tutor.getByText(/You confirmed reading version \d+/).waitFor();
    if (before === 1) await header.waitFor({ state: 'detached' });

    await tutor.goto(home);
    await tutor.getByRole('region', { name: /^To read and confirm/ }).waitFor();
    await tutor
      .getByRole('region', { name: /^To read and confirm/ })
      .getByRole('link', { name, exact: true })
      .waitFor({
        state: 'detached',
      });
    if (before === 1) {
      await toRead.getByText(/^Nothing to read\./).waitFor();
    } else {
      await toRead
        .getByRole('link')
        .nth(before - 2)
        .waitFor();
    }
    // At desktop width the count sits beside the bell, on the home page too.
    await tutor.setViewportSize(VIEWPORTS.desktop);
    expect(
      await tutor
        .getByRole('banner')
        .getByRole('link', { name: /^To read/ })
        .count(),
    ).toBe(before === 1 ? 0 : 1);
    await tutor.setViewportSize(VIEWPORTS.phone);
    await checkEveryWay(tutor, 'mw-tutor-home-confirmed');
  });

  test(
    'a concern sent has its own address; the DSL sees it first on her home page; the lead sees their queue',
    { timeout: 180_000 },
    async () => {
      // --- The tutor logs an urgent concern on his phone.
      const tutor = await newPage('phone');
      await signIn(tutor, TUTOR);
      await tutor.getByRole('banner').getByRole('link', { name: 'Log a concern' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Log a concern' }).waitFor();
      await answerFirstQuestions(tutor, { medical: 'No', harm: 'Yes', childProtection: 'No' });
      await tutor.getByLabel('Search by name').fill('Yusuf');
      const choice = tutor.getByRole('button', { name: /Year 9, form 9W$/ }).first();
      await choice.click();
      await tutor.getByRole('list', { name: 'Pupils chosen' }).getByRole('listitem').first().waitFor();
      await tutor.getByLabel('Where did it happen?').fill('Corridor by the library, lunchtime');
      await tutor.getByLabel('What did you see or hear?').fill('Said he did not want to be here any more.');
      await tutor.getByRole('button', { name: 'Send concern' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Find the DSL in person now' }).waitFor();
      expect(new URL(tutor.url()).pathname).toMatch(/\/concerns\/sent\/[0-9a-f-]{36}$/);
      const reference = (await tutor.getByText(/^C-\d{4}-\d{4}$/).textContent()) ?? '';
      expect(reference).toMatch(/^C-\d{4}-\d{4}$/);

      // Reloading shows the same confirmation, not an empty form; "Log a concern" is in the header.
      await tutor.reload();
      await tutor.getByRole('heading', { level: 1, name: 'Find the DSL in person now' }).waitFor();
      await tutor.getByText(reference, { exact: true }).waitFor();
      await tutor.getByText('Do not wait for a reply.').waitFor();
      await tutor.getByRole('banner').getByRole('link', { name: 'Log a concern' }).waitFor();
      await checkEveryWay(tutor, 'mw-concern-sent-reloaded');

      // --- The DSL's home: the urgent concern nobody has acknowledged comes first of all.
      const dsl = await newPage('phone');
      await signIn(dsl, DSL);
      const waiting = dsl.getByRole('region', { name: /^Waiting for the DSL team/ });
      await waiting.waitFor();
      const firstItem = waiting.getByRole('listitem').filter({ hasText: reference }).first();
      await firstItem.getByText('Urgent').waitFor();
      await firstItem.getByText(/^Waiting \d+ (minute|hour|day)s?/).waitFor();
      expect(await dsl.locator('main section').first().getAttribute('id')).toBe('awaiting');
      await checkEveryWay(dsl, 'mw-dsl-home');
      // The concern page: what to do next comes before the record; no "find the DSL" box for her.
      await firstItem.getByRole('link').first().click();
      await dsl.getByRole('heading', { level: 2, name: 'What to do next' }).waitFor();
      const work = (await dsl.getByRole('heading', { level: 2, name: 'What to do next' }).boundingBox())?.y ?? 0;
      const record = (await dsl.getByText('Said he did not want to be here any more.').boundingBox())?.y ?? 0;
      expect(work).toBeLessThan(record);
      await checkEveryWay(dsl, 'mw-dsl-concern');
      expect(await dsl.getByText(/find the Designated Safeguarding Lead \(DSL\) or a deputy DSL/).count()).toBe(0);

      // --- The Mental Health Lead's home shows their queue and what they own.
      const lead = await newPage('desktop');
      await signIn(lead, SMHL);
      const queue = lead.getByRole('region', { name: /^Concerns waiting for you/ });
      await queue.waitFor();
      await queue
        .getByText(/Waiting \d+|No concern is waiting/)
        .first()
        .waitFor();
      await lead.getByRole('region', { name: /^Your actions and next steps/ }).waitFor();
      await checkEveryWay(lead, 'mw-smhl-home');
    },
  );
});
