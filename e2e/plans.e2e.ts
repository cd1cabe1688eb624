/**
 * Journey p (issue 5): the Senior Mental Health Lead sees the plan reviews due on the home page,
 * writes an Individual Care Plan for a 9W pupil (trying first without the required parts), records
 * the pupil's and a parent's agreement (trying to mark it agreed before the parent has), marks it
 * agreed and prints it. A second tab edits the plan while the first is editing: the later save is
 * refused and what was typed stays in the form. Then the lead writes a risk assessment given to
 * everyone who teaches the pupil; the 9W tutor, on a phone, reads it on the pupil's staff summary
 * and confirms; the lead sees that he has. A second journey records a parent meeting (refused
 * without an agreed next step), marks a next step done, reads an earlier version of a plan and who
 * it is given to, and the DSL's Signs of Safety record with its safety scale over time. Every page:
 * axe, screenshots at both widths, no sideways scroll at 360 px.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, newPage, useBrowser } from './support/browser';
import { dateQuestion, shownDate, typeDate, ukDay, type DateParts } from './support/dates';
import { checkEveryWay } from './support/pages';
import { DSL, SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

async function fill(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(text);
}

async function openWork(page: Page, name: string): Promise<void> {
  await page.locator('button[aria-expanded]', { hasText: name }).click();
  await page.getByRole('form', { name }).waitFor();
}

async function recordAgreement(
  page: Page,
  who: string,
  name: string,
  how: string,
  agreedOn: DateParts = ukDay(),
): Promise<void> {
  await openWork(page, 'Record agreement');
  const form = page.getByRole('form', { name: 'Record agreement' });
  await form.getByRole('radio', { name: who }).check();
  await form.getByLabel('Their name', { exact: true }).fill(name);
  await form.getByRole('radio', { name: how }).check();
  await typeDate(form, 'When did they agree?', agreedOn);
  await form.getByRole('button', { name: 'Record agreement' }).click();
  await page.getByRole('form', { name: 'Record agreement' }).waitFor({ state: 'detached' });
  await page
    .getByRole('list', { name: /^Agreement recorded for version 1/ })
    .getByRole('listitem')
    .filter({ hasText: name })
    .getByText(`, on ${shownDate(agreedOn)}.`, { exact: false })
    .waitFor();
}

describe('plans', () => {
  test(
    'write and agree a care plan, refuse a stale save, and give a risk assessment to the tutor who confirms reading it',
    { timeout: 300_000 },
    async () => {
      const condition = 'Anxiety before tests, with panic attacks since September; seen by the GP.';
      const lead = await newPage('desktop');
      await signIn(lead, SMHL);
      const schoolPath = new URL(lead.url()).pathname;

      // The home page lists plan reviews, overdue first (the demo has one overdue).
      const reviews = lead.getByRole('region', { name: 'Plan reviews' });
      await reviews
        .getByText(/overdue/i)
        .first()
        .waitFor();
      await checkEveryWay(lead, 'p-smhl-home');

      // A thriving 9W pupil, who has no plans yet.
      await lead.goto(`${baseUrl()}${schoolPath}/pupils?form=9W&level=none`);
      const firstPupil = lead.getByRole('table', { name: 'Pupils, by surname' }).getByRole('link').first();
      const pupil = (await firstPupil.textContent())?.trim() ?? '';
      expect(pupil).not.toBe('');
      await firstPupil.click();
      await lead.getByRole('heading', { level: 1, name: pupil }).waitFor();
      await lead.getByText(/has no plans/).waitFor();
      await checkEveryWay(lead, 'p-pupil-no-plans');

      // Write a care plan: without its required parts it is refused, with the fields named.
      await lead.getByRole('link', { name: `Write a plan for ${pupil}` }).click();
      await lead.getByRole('heading', { level: 1, name: 'Write a plan' }).waitFor();
      await lead.getByRole('radio', { name: 'Individual Care Plan' }).check();
      await checkEveryWay(lead, 'p-new-care-plan');
      await fill(lead, "The pupil's condition", condition);
      await lead.getByRole('button', { name: 'Save plan' }).click();
      const summary = lead.getByRole('alert').filter({ hasText: /There is a problem/i });
      await summary.getByRole('link', { name: /what to do in an emergency/i }).waitFor();
      await checkEveryWay(lead, 'p-new-care-plan-errors');
      await fill(lead, 'What to do in an emergency', 'Take them to the medical room, stay calm, call home.');
      await fill(lead, 'What school provides', 'A weekly check-in with Ms Lee.');
      await fill(lead, 'What home does (optional)', 'A calm morning routine before tests; text the office if hard.');
      await lead.getByRole('checkbox', { name: 'Exit card' }).check();
      await fill(lead, 'Details of exit card', 'A green card: leave for five minutes, no questions asked.');
      await lead.getByRole('button', { name: 'Add a contact' }).click();
      await fill(lead, 'Name', 'Parent One');
      await fill(lead, 'Phone number', '07700 900123');
      const reviewDue = ukDay(56);
      await typeDate(lead, 'When will the plan be reviewed?', reviewDue);
      await lead.getByRole('checkbox', { name: /\(the pupil\)$/ }).check();
      await lead.getByRole('checkbox', { name: 'A parent or carer' }).check();
      await lead.getByRole('checkbox', { name: /^Show the parent-facing parts/ }).check();
      await lead.getByRole('button', { name: 'Save plan' }).click();
      const title = `Individual Care Plan for ${pupil}`;
      await lead.getByRole('heading', { level: 1, name: title }).waitFor();
      await lead.getByText(condition).waitFor();
      await lead.getByText(`Review the plan by ${shownDate(reviewDue)} with`).waitFor();
      await checkEveryWay(lead, 'p-care-plan-written');

      // Agreement: the pupil first; it cannot be marked agreed until a parent has agreed too.
      await recordAgreement(lead, 'The pupil', pupil, 'In person', ukDay(-1));
      await lead.getByRole('button', { name: 'Mark as agreed' }).click();
      await lead
        .getByText(/Still to record agreement: a parent or carer/)
        .first()
        .waitFor();
      await recordAgreement(lead, 'A parent or carer', 'Parent One', 'By phone');
      await checkEveryWay(lead, 'p-care-plan-agreements');
      await lead.getByRole('button', { name: 'Mark as agreed' }).click();
      await lead.getByRole('list', { name: 'Status' }).getByText('Agreed', { exact: true }).waitFor();
      // What parents would see: the parent-facing parts only, never the condition.
      const parents = lead.getByRole('region', { name: /What parents will see/ });
      await parents.getByText('A calm morning routine before tests').waitFor();
      expect(await parents.getByText(condition).count()).toBe(0);
      await checkEveryWay(lead, 'p-care-plan-agreed');

      // Print: a real PDF.
      const [download] = await Promise.all([
        lead.waitForEvent('download'),
        lead
          .getByRole('button', { name: /^Print or save as PDF/ })
          .first()
          .click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^care-plan-.*-v1-\d{4}-\d{2}-\d{2}\.pdf$/);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');

      // Two people change the plan at once: the later save is refused and nothing typed is lost.
      const planUrl = lead.url();
      const other = await lead.context().newPage();
      await other.goto(`${planUrl}/edit`);
      await lead.getByRole('link', { name: 'Change the plan' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Change the plan' }).waitFor();
      await other.getByRole('heading', { level: 1, name: 'Change the plan' }).waitFor();
      await fill(other, 'What school provides', 'A daily check-in with Ms Lee.');
      await fill(other, 'Why are you changing it?', 'Check-ins are now daily.');
      await other.getByRole('button', { name: 'Save changes' }).click();
      await other.getByRole('heading', { level: 1, name: title }).waitFor();
      await other.close();
      const mine = 'Weekly check-in with Ms Lee, and a mentor from Year 12.';
      await fill(lead, 'What school provides', mine);
      await fill(lead, 'Why are you changing it?', 'Mentor added.');
      await lead.getByRole('button', { name: 'Save changes' }).click();
      await lead.getByText(/saved a newer version while you were editing/).waitFor();
      expect(await lead.getByLabel('What school provides', { exact: true }).inputValue()).toBe(mine);
      await checkEveryWay(lead, 'p-edit-conflict');
      await lead.getByRole('button', { name: 'Save mine as the next version' }).first().click();
      await lead.getByRole('heading', { level: 1, name: title }).waitFor();
      await lead.getByText(mine).waitFor();
      await lead.getByText('Awaiting agreement', { exact: true }).first().waitFor();

      // A risk assessment given to everyone who teaches the pupil.
      await lead.getByRole('link', { name: pupil, exact: true }).first().click();
      await lead.getByRole('heading', { level: 1, name: pupil }).waitFor();
      await lead.getByRole('link', { name: `Write a plan for ${pupil}` }).click();
      await lead.getByRole('radio', { name: 'Risk assessment' }).check();
      const staffMust = 'Let them leave two minutes early; tell the pastoral office at once if they are missing.';
      await fill(lead, 'Risks', 'May leave the site without telling anyone when overwhelmed.');
      await fill(lead, 'What staff must do', staffMust);
      await lead.getByRole('checkbox', { name: /^Everyone who teaches/ }).check();
      await lead.getByRole('button', { name: 'Save plan' }).click();
      await lead.getByRole('heading', { level: 1, name: `Risk assessment for ${pupil}` }).waitFor();
      const readers = lead.getByRole('table', { name: /Staff given the plan/ });
      await readers.getByRole('row').filter({ hasText: TUTOR.name }).getByText('Not yet').waitFor();
      await checkEveryWay(lead, 'p-risk-assessment');
      const riskUrl = lead.url();

      // The tutor, on a phone, reads it on the pupil's staff summary and confirms.
      const tutor = await newPage('phone');
      await signIn(tutor, TUTOR);
      await tutor.goto(`${baseUrl()}${new URL(riskUrl).pathname.replace(/\/plans\/.*$/, '')}/pupils?form=9W`);
      await tutor.getByRole('link', { name: pupil, exact: true }).click();
      await tutor.getByRole('heading', { level: 1, name: pupil }).waitFor();
      const given = tutor.getByRole('region', { name: 'Plans you have been given' });
      await given.getByText(staffMust).waitFor();
      // Staff see what they must do, never what home does or the case work.
      expect(await tutor.getByText('Record agreement').count()).toBe(0);
      await checkEveryWay(tutor, 'p-tutor-given-plan');
      await given.getByRole('button', { name: /^I have read this/ }).click();
      await given.getByText(/You confirmed reading version 1/).waitFor();
      await checkEveryWay(tutor, 'p-tutor-confirmed');

      // The lead sees that he has.
      await lead.reload();
      await readers.getByRole('row').filter({ hasText: TUTOR.name }).getByText('Confirmed').waitFor();
    },
  );

  test(
    'a parent meeting needs an agreed next step; earlier versions, sharing and Signs of Safety',
    { timeout: 300_000 },
    async () => {
      const lead = await newPage('desktop');
      await signIn(lead, SMHL);
      const schoolPath = new URL(lead.url()).pathname;
      await lead.goto(`${baseUrl()}${schoolPath}/pupils?search=Clarke`);
      await lead.getByRole('link', { name: 'Olivia Clarke', exact: true }).click();
      await lead.getByRole('heading', { level: 1, name: 'Olivia Clarke' }).waitFor();
      await lead.getByRole('link', { name: 'Individual Care Plan' }).first().waitFor();
      await checkEveryWay(lead, 'q-olivia-case');

      // A parent meeting cannot be recorded as held without an agreed next step, nor with a date
      // missing its month: each is named in the summary, and the date's message is beside it.
      await lead.getByRole('link', { name: 'Record a meeting about Olivia Clarke' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Record a meeting' }).waitFor();
      await lead.getByRole('radio', { name: 'Parent meeting' }).check();
      const today = ukDay();
      const when = dateQuestion(lead, 'When is or was it?');
      // The time is filled in with now, on the 24-hour clock whatever the device's own setting.
      expect(await when.getByLabel('Time', { exact: true }).inputValue()).toMatch(/^\d{2}:\d{2}$/);
      await typeDate(lead, 'When is or was it?', { ...today, month: '' });
      await fill(lead, 'Where?', 'Pastoral office');
      await fill(lead, 'Aims (optional)', 'Talk through how the exit card is working.');
      await lead.getByRole('button', { name: 'Save and mark as held' }).click();
      const problems = lead.getByRole('alert').filter({ hasText: /There is a problem/i });
      await problems
        .getByText(/next step/i)
        .first()
        .waitFor();
      const noMonth = 'Date of the meeting must include a month';
      await when.getByText(noMonth).waitFor();
      const month = when.getByLabel('Month', { exact: true });
      expect(await month.getAttribute('aria-invalid')).toBe('true');
      expect(await when.getByLabel('Day', { exact: true }).getAttribute('aria-invalid')).toBeNull();
      // The summary's link goes to the box at fault.
      await problems.getByRole('link', { name: noMonth }).click();
      expect(await month.evaluate((el) => el === document.activeElement)).toBe(true);
      await checkEveryWay(lead, 'q-meeting-needs-next-step');
      await month.fill(today.month);
      await lead.getByRole('button', { name: 'Add a next step' }).click();
      const step = 'Book an appointment with the GP about sleep';
      await fill(lead, 'What was agreed', step);
      await lead.getByLabel('Who will do it', { exact: true }).selectOption('other');
      await fill(lead, 'Their name', 'Emma Clarke (mother)');
      const dueOn = ukDay(14);
      await typeDate(lead, 'By when', dueOn);
      await lead.getByRole('button', { name: 'Save and mark as held' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Parent meeting for Olivia Clarke' }).waitFor();
      const steps = lead.getByRole('list', { name: 'Next steps' });
      await steps.getByText(step).first().waitFor();
      await steps
        .getByText(`due ${shownDate(dueOn)}`, { exact: false })
        .first()
        .waitFor();
      await checkEveryWay(lead, 'q-meeting-held');
      await lead.getByRole('button', { name: /^Mark done/ }).click();
      await lead
        .getByRole('form', { name: `Mark done: ${step}` })
        .getByRole('button', { name: 'Mark as done' })
        .click();
      await lead.getByRole('form', { name: `Mark done: ${step}` }).waitFor({ state: 'detached' });
      // Done at once: no button comes back while the page reads the meeting again.
      expect(await lead.getByRole('button', { name: /^Mark done/ }).count()).toBe(0);
      await steps.getByText(/^Done \d/).waitFor();

      // The care plan's first version, and who the plan is given to.
      await lead.getByRole('link', { name: 'Olivia Clarke', exact: true }).first().click();
      await lead.getByRole('link', { name: 'Individual Care Plan' }).first().click();
      await lead.getByRole('heading', { level: 1, name: 'Individual Care Plan for Olivia Clarke' }).waitFor();
      await lead.getByRole('link', { name: 'View version 1' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Version 1' }).waitFor();
      await checkEveryWay(lead, 'q-plan-version-1');
      await lead.goBack();
      await lead.getByRole('link', { name: 'Change who is given it' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Change who is given the plan' }).waitFor();
      await checkEveryWay(lead, 'q-plan-sharing');

      // The DSL's Signs of Safety record, rated at each review.
      const dsl = await newPage('phone');
      await signIn(dsl, DSL);
      await dsl.goto(`${baseUrl()}${schoolPath}/pupils?search=Davies`);
      await dsl.getByRole('link', { name: 'Oliver Davies', exact: true }).click();
      await dsl.getByRole('link', { name: 'Signs of Safety' }).first().click();
      await dsl.getByRole('heading', { level: 1, name: 'Signs of Safety for Oliver Davies' }).waitFor();
      await dsl.getByRole('heading', { name: 'Safety scale over time' }).waitFor();
      await checkEveryWay(dsl, 'q-signs-of-safety');
    },
  );
});
