/**
 * Journey f (issue 4): the DSL is signed in on a desktop, with the concerns queue open. A tutor,
 * on a 360 px phone, logs an urgent concern (risk of immediate harm) and is told to find the DSL in
 * person now, with who is on duty. The DSL's alert count goes up without reloading; the DSL opens
 * the alert, acknowledges the concern, adds an action and closes it with an outcome. The tutor sees
 * only that it went to the DSL. A member of support staff who did not log it, and a teacher at the
 * other school, cannot find it: its address answers "Page not found" and it is in none of their lists.
 */
import { describe, expect, test } from 'vitest';
import { newPage, noHorizontalScroll, useBrowser } from './support/browser';
import { checkEveryWay, openFromNav } from './support/pages';
import { DSL, OTHER_SCHOOL_TEACHER, SMHL, SUPPORT_STAFF, TUTOR } from './support/people';
import { signIn } from './support/sign-in';
import { answerFirstQuestions } from './support/concern-form';

useBrowser();

/** "Alerts, 3 unread" → 3; "Alerts" → 0. */
function unreadIn(name: string | null): number {
  const match = /(\d+) unread/.exec(name ?? '');
  return match === null ? 0 : Number(match[1]);
}

describe('concerns and the safeguarding route', () => {
  test(
    'a tutor logs an urgent concern on a phone; the DSL is alerted live and works it; others cannot find it',
    { timeout: 300_000 },
    async () => {
      const pupil = 'Yusuf Murphy';
      const account =
        'At the end of period 3 he stayed behind and said he had been thinking about hurting himself tonight. He was calm and quiet. I stayed with him and walked him to the DSL office.';
      const words = 'I don’t want to be here any more. I’ve thought about how I would do it.';

      // --- The DSL, signed in on a desktop, with the concerns queue open.
      const dsl = await newPage('desktop');
      await signIn(dsl, DSL);
      await checkEveryWay(dsl, 'f-dsl-home');
      await openFromNav(dsl, 'Concerns', 'Concerns');
      await dsl.getByRole('heading', { level: 2, name: 'DSL queue' }).waitFor();
      await checkEveryWay(dsl, 'f-dsl-queue');
      const bell = dsl.getByRole('banner').getByRole('link', { name: /^Alerts/ });
      // The live stream has said how many alerts are unread.
      await expect.poll(() => bell.getAttribute('data-live')).toBe('true');
      const unreadBefore = unreadIn(await bell.textContent());

      // --- The 9W tutor, on his phone, between lessons.
      const tutor = await newPage('phone');
      await signIn(tutor, TUTOR);
      await checkEveryWay(tutor, 'f-tutor-home');
      await tutor.getByRole('banner').getByRole('link', { name: 'Log a concern' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Log a concern' }).waitFor();
      await checkEveryWay(tutor, 'f-log-concern');
      const started = Date.now();

      // The three questions come first.
      await answerFirstQuestions(tutor, { medical: 'No', harm: 'Yes', childProtection: 'No' });
      // At once, before the rest of the form: find the DSL now.
      await tutor.getByRole('heading', { name: 'Find the DSL in person now' }).waitFor();
      // With a risk of harm, the pupil cannot be given time to tell their parents first.
      expect(await tutor.getByRole('checkbox', { name: /tell their parents or carers themselves/ }).count()).toBe(0);

      // The pupil, chosen by name with the form shown.
      await tutor.getByLabel('Search by name').fill('Yusuf');
      await tutor.getByRole('button', { name: `${pupil} Year 9, form 9W` }).click();
      await tutor
        .getByRole('list', { name: 'Pupils chosen' })
        .getByRole('listitem')
        .filter({ hasText: pupil })
        .waitFor();

      await tutor.getByLabel('Where did it happen?').fill('Room 14, after period 3');
      await tutor.getByLabel('What did you see or hear?').fill(account);
      await tutor.getByLabel(/What did the pupil say, in their own words/).fill(words);
      // The warning signs are folded so the form is short on a phone.
      await tutor.getByText('Add warning signs').click();
      await tutor.getByRole('checkbox', { name: 'Talking or joking about self-harm or suicide' }).check();
      await tutor.getByRole('checkbox', { name: 'The pupil told me something' }).check();
      await tutor
        .getByLabel('Who did you tell the pupil the information would be passed to?')
        .fill('Mr Okafor, the DSL');
      await tutor.getByLabel('What did you tell the pupil would be passed on?').fill('What he told me about tonight');
      await tutor
        .getByLabel('Why did you tell the pupil it must be passed on?')
        .fill('So that school can help keep him safe');
      await tutor.getByRole('radio', { name: 'Consent was not asked for' }).check();
      await tutor
        .getByLabel('Why was consent not asked for?')
        .fill('A risk of harm must always go to the DSL; I explained this to him.');
      // The form keeps a draft while it is being written.
      await tutor
        .getByText(/^Draft saved \d\d:\d\d$/)
        .first()
        .waitFor();
      await checkEveryWay(tutor, 'f-log-concern-filled');

      await tutor.getByRole('button', { name: 'Send concern' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Find the DSL in person now' }).waitFor();
      const seconds = (Date.now() - started) / 1000;
      // Who is on duty today (the rota on a weekday, the whole DSL team at a weekend).
      await tutor
        .getByRole('region', { name: 'On duty today' })
        .getByText(/Chris Okafor|Lucy Evans/)
        .first()
        .waitFor();
      await tutor.getByText('Do not wait for a reply.').waitFor();
      await tutor.getByText('Sent to the DSL team as urgent').waitFor();
      const reference = (await tutor.getByText(/^C-\d{4}-\d{4}$/).textContent()) ?? '';
      expect(reference).toMatch(/^C-\d{4}-\d{4}$/);
      await noHorizontalScroll(tutor, 'find the DSL now');
      await checkEveryWay(tutor, 'f-concern-sent-urgent');
      process.stderr.write(`[e2e] the tutor filled in and sent the urgent concern in ${seconds.toFixed(1)} s\n`);

      // --- The DSL's page, not reloaded: the count goes up and the urgent alert is announced.
      await expect.poll(async () => unreadIn(await bell.textContent()), { timeout: 15_000 }).toBe(unreadBefore + 1);
      await dsl.getByRole('status').getByText('New urgent alert:').waitFor();
      // The queue has picked up the new concern too.
      await dsl.getByRole('link', { name: new RegExp(`${pupil}\\s*, concern ${reference}`) }).waitFor();
      await checkEveryWay(dsl, 'f-dsl-alerted');

      await bell.click();
      await dsl.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
      // Alerts never name a pupil.
      expect(await dsl.getByRole('main').getByText(pupil).count()).toBe(0);
      await checkEveryWay(dsl, 'f-dsl-alerts');
      await dsl
        .getByRole('list', { name: 'Alerts, newest first' })
        .getByRole('link', { name: /Open the concern/ })
        .first()
        .click();
      await dsl.getByRole('heading', { level: 1, name: `Concern about ${pupil}` }).waitFor();
      await dsl.getByText(reference, { exact: false }).first().waitFor();
      await dsl.getByText(words).waitFor();
      // A concern in the safeguarding record: parents are never told by school, and it says why.
      await dsl.getByText('Parents must not be told about this concern by school.').waitFor();
      expect(await dsl.getByRole('button', { name: 'Record that parents were told' }).count()).toBe(0);
      await checkEveryWay(dsl, 'f-dsl-concern');

      await dsl.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await dsl.getByRole('alert').getByText('Concern acknowledged').waitFor();
      await dsl.getByRole('list', { name: 'Status' }).getByText('Acknowledged').waitFor();

      const action = 'Meet Yusuf and his tutor first thing tomorrow, and agree a safety plan';
      await dsl.getByRole('button', { name: 'Add an action' }).click();
      await dsl.getByLabel('What needs to be done?').fill(action);
      await dsl.getByLabel('Who will do it?').selectOption({ label: 'Chris Okafor (you)' });
      await checkEveryWay(dsl, 'f-dsl-add-action');
      await dsl.getByRole('button', { name: 'Add action', exact: true }).click();
      await dsl.getByRole('alert').getByText('Action added').waitFor();
      await dsl.getByRole('list', { name: 'Actions' }).getByText(action, { exact: true }).waitFor();
      await checkEveryWay(dsl, 'f-dsl-concern-action');

      await dsl.getByRole('button', { name: 'Close with an outcome' }).click();
      await dsl.getByRole('radio', { name: 'Referral to an outside service' }).check();
      await dsl
        .getByLabel('Note on the outcome')
        .fill('Referred to CAMHS crisis team with his mother’s knowledge; safety plan agreed with Yusuf.');
      // The action is still open: closing says what becomes of it (issue 16).
      await dsl.getByRole('radio', { name: 'It has been done' }).check();
      await checkEveryWay(dsl, 'f-dsl-close');
      await dsl.getByRole('button', { name: 'Close concern' }).click();
      await dsl.getByRole('alert').getByText('Concern closed').waitFor();
      await dsl.getByRole('list', { name: 'Status' }).getByText('Closed').waitFor();
      await dsl
        .getByRole('list', { name: 'What has happened, oldest first' })
        .getByText('Closed: Referral to an outside service')
        .waitFor();
      const concernUrl = new URL(dsl.url()).pathname;
      await checkEveryWay(dsl, 'f-dsl-concern-closed');

      // The DSL keeps the duty rota: where to find whoever is on duty.
      await openFromNav(dsl, 'DSL duty rota', 'DSL duty rota');
      await checkEveryWay(dsl, 'f-dsl-rota');
      const monday = dsl.getByRole('group', { name: /^Monday/ });
      await monday.getByLabel('Where to find them').fill('Safeguarding office, room G12 (or ask Student Services)');
      await dsl.getByRole('button', { name: 'Save the rota' }).click();
      await dsl.getByRole('alert').getByText('The rota is saved.').waitFor();
      await checkEveryWay(dsl, 'f-dsl-rota-saved');

      // --- The tutor sees only that what he logged went to the DSL.
      await openFromNav(tutor, 'Your concerns', 'Your concerns');
      const mine = tutor.getByRole('row').filter({ hasText: reference });
      await mine.getByText('Sent to the DSL').waitFor();
      await checkEveryWay(tutor, 'f-tutor-mine');
      await mine.getByRole('link').click();
      await tutor.getByRole('heading', { level: 1, name: `Concern about ${pupil}` }).waitFor();
      await tutor.getByText('what happens next is kept by the DSL team only').waitFor();
      expect(await tutor.getByText(account).count()).toBe(0);
      expect(await tutor.getByText(action).count()).toBe(0);
      await checkEveryWay(tutor, 'f-tutor-concern-stub');

      // --- Support staff who did not log it: not found, and in none of her lists.
      const other = await newPage('desktop');
      await signIn(other, SUPPORT_STAFF);
      expect(
        await other
          .getByRole('navigation', { name: 'School' })
          .getByRole('link', { name: 'Concerns', exact: true })
          .count(),
      ).toBe(0);
      await other.goto(concernUrl);
      await other.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await other.getByText(pupil).count()).toBe(0);
      await checkEveryWay(other, 'f-other-staff-not-found');
      await other.goto(concernUrl.replace(/\/concerns\/.*$/, '/concerns'));
      await other.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await openFromNav(other, 'Your concerns', 'Your concerns');
      await other.getByRole('heading', { level: 1, name: 'Your concerns' }).waitFor();
      await other
        .getByText(/^\d+ concerns?$|You have not logged any concerns/)
        .first()
        .waitFor();
      expect(await other.getByText(reference).count()).toBe(0);
      expect(await other.getByText(pupil).count()).toBe(0);
      await checkEveryWay(other, 'f-other-staff-mine');
      await other
        .getByRole('banner')
        .getByRole('link', { name: /^Alerts/ })
        .click();
      await other.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
      await other.getByText(/No unread alerts|unread alert/).waitFor();
      expect(await other.getByRole('link', { name: /Open the concern/ }).count()).toBe(0);
      await checkEveryWay(other, 'f-other-staff-alerts');

      // --- A teacher at the other school: not found either.
      const elsewhere = await newPage('phone');
      await signIn(elsewhere, OTHER_SCHOOL_TEACHER);
      await elsewhere.goto(concernUrl);
      await elsewhere.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await elsewhere.getByText(pupil).count()).toBe(0);
      await checkEveryWay(elsewhere, 'f-other-school-not-found');
    },
  );

  test(
    'the Mental Health Lead opens a concern from the queue and changes the pupil’s level with it as evidence',
    { timeout: 180_000 },
    async () => {
      const pupil = 'Hannah Nowak';
      const lead = await newPage('desktop');
      await signIn(lead, SMHL);
      await openFromNav(lead, 'Concerns', 'Concerns');
      await lead.getByRole('heading', { level: 2, name: 'Mental Health Lead queue' }).waitFor();
      // Only the DSL team has a DSL queue.
      expect(await lead.getByRole('link', { name: 'DSL queue' }).count()).toBe(0);
      await checkEveryWay(lead, 'g-smhl-queue');

      await lead
        .getByRole('link', { name: new RegExp(`^${pupil}\\s*, concern`) })
        .first()
        .click();
      await lead.getByRole('heading', { level: 1, name: `Concern about ${pupil}` }).waitFor();
      const reference = ((await lead.getByText(/^Concern C-\d{4}-\d{4}$/).textContent()) ?? '').replace('Concern ', '');
      // A mental-health concern: parents are to be told, and the lead records how and when.
      await lead.getByRole('button', { name: 'Record that parents were told' }).waitFor();
      await checkEveryWay(lead, 'g-smhl-concern');

      await lead.getByRole('link', { name: `Change ${pupil}’s level` }).click();
      await lead.getByRole('heading', { level: 1, name: 'Change level' }).waitFor();
      // The concern comes as the evidence.
      expect(await lead.getByLabel('Kind of evidence').inputValue()).toBe('concern');
      expect(await lead.getByLabel('What it shows').inputValue()).toContain(`Concern ${reference}`);
      await checkEveryWay(lead, 'g-smhl-change-level-from-concern');
      await lead.getByRole('radio', { name: /^MH5\b/ }).check();
      await lead
        .getByLabel('Reason for the change')
        .fill('Low mood for several weeks and now unable to face lessons; agreed with her mother and the GP.');
      await lead.getByRole('button', { name: 'Save new level' }).click();
      await lead.getByText(`${pupil} is now at MH5`).waitFor();
      await lead
        .getByRole('list', { name: 'Level changes, newest first' })
        .getByText(`Concern logged: Concern ${reference}`, { exact: false })
        .first()
        .waitFor();
      await checkEveryWay(lead, 'g-smhl-level-history');

      // The chronology shows the concern with a link to it, and prints as a PDF.
      await lead.getByRole('navigation', { name: 'Pupil record' }).getByRole('link', { name: 'Chronology' }).click();
      const chronology = lead.getByRole('list', { name: 'Chronology, newest first' });
      await chronology
        .getByRole('link', { name: new RegExp(`Open the concern ${reference}`) })
        .first()
        .waitFor();
      const [download] = await Promise.all([
        lead.waitForEvent('download'),
        lead.getByRole('button', { name: /Print or save as PDF/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      await checkEveryWay(lead, 'g-smhl-chronology');
    },
  );
});
