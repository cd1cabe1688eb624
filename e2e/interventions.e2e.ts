/**
 * Journey i (issue 10), at 360 px and at desktop width: the Senior Mental Health Lead adds an
 * intervention with two places, run by the ELSA and measured with the GAD-7; asks for places for
 * three pupils, gives places to two, and sees the third at position 1 with an expected start date
 * that says it is an estimate. The ELSA opens the baseline due on her home page, hands the device
 * to the pupil, who answers one question per screen; nothing else is reachable on the handed
 * device; she gives it back with her password and sees the scores. Then she records a session for
 * the group. Every page: axe, a screenshot at the journey's width, no sideways scroll at 360 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { typeDate, ukDay } from './support/dates';
import { openFromNav } from './support/pages';
import { ELSA, PASSWORD, SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const MEASURE = 'Generalised Anxiety Disorder scale (GAD-7)';
const GAD7_QUESTIONS = 7;
/** Each journey takes its pupils from its own form, so the two never ask for the same pupil. */
const FORM: Record<Viewport, string> = { phone: '10K', desktop: '11K' };

/** axe, a screenshot named i-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('i');

interface Pupil {
  name: string;
  form: string;
}

/** The first three pupils of a form, from the pupil list. */
async function threePupils(page: Page, schoolPath: string, form: string): Promise<Pupil[]> {
  await page.goto(`${baseUrl()}${schoolPath}/pupils?form=${form}`);
  const links = page.getByRole('table', { name: 'Pupils, by surname' }).getByRole('link');
  await links.nth(2).waitFor();
  const names = (await links.allTextContents()).map((n) => n.trim());
  expect(new Set(names.slice(0, 3)).size).toBe(3);
  return names.slice(0, 3).map((name) => ({ name, form }));
}

/** The waiting list's entry for a pupil. */
function waitingEntry(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Pupils waiting, first first' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`${escapeRegExp(name)}$`) }) });
}

async function askForPlace(page: Page, pupil: Pupil, first: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Ask for a place for a pupil' }).click();
  const form = page.getByRole('form', { name: 'Ask for a place' });
  const surname = pupil.name.split(' ').slice(-1)[0] ?? pupil.name;
  await form.getByLabel('Search by name').fill(surname);
  await form
    .getByRole('list', { name: 'Matching pupils' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(pupil.name)}\\b.*form ${pupil.form}`) })
    .click();
  await form.getByText(pupil.name, { exact: true }).waitFor();
  await form
    .getByLabel('Why do they need a place?')
    .fill('Worries about school most mornings; asked to talk to someone.');
  if (first) await check(page, 'ask-for-place');
  await form.getByRole('button', { name: 'Ask for a place', exact: true }).click();
  await page.getByText(`${pupil.name} is on the waiting list for`).waitFor();
}

/** Gives a place to whoever is first on the waiting list; returns their name. */
async function giveFirstAPlace(page: Page, screenshotName?: string): Promise<string> {
  const first = page
    .getByRole('list', { name: 'Pupils waiting, first first' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /^Position 1\b/ }) });
  const heading = (await first.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const name = heading.replace(/^\s*Position\s*1\.?\s*/, '').trim();
  await first.getByRole('button', { name: /^Give a place/ }).click();
  const form = page.getByRole('form', { name: `Give ${name} a place` });
  await typeDate(form, 'When do they start?', ukDay());
  if (screenshotName !== undefined) await check(page, screenshotName);
  await form.getByRole('button', { name: 'Give the place' }).click();
  await page.getByText(`${name} has a place`).waitFor();
  await page.getByRole('region', { name: 'In the intervention' }).getByRole('heading', { level: 3, name }).waitFor();
  return name;
}

async function journey(viewport: Viewport): Promise<void> {
  const intervention = `Worry group (${viewport} journey)`;
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;
  const pupils = await threePupils(lead, schoolPath, FORM[viewport]);

  // The catalogue, from the navigation (behind the Menu on a phone).
  await openFromNav(lead, 'Interventions', 'Interventions');
  await lead.getByRole('table', { name: 'Interventions running or paused' }).waitFor();
  await check(lead, 'catalogue');

  // Add an intervention with two places, run by the ELSA, measured with the GAD-7.
  await lead.getByRole('link', { name: 'Add an intervention' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Add an intervention' }).waitFor();
  await check(lead, 'add');
  await lead.getByLabel('Name', { exact: true }).fill(intervention);
  await lead.getByLabel('What happens in it (optional)').fill('A small group on noticing and handling worry.');
  await lead.getByRole('radio', { name: 'Group', exact: true }).check();
  await lead.getByLabel('Places at a time').fill('2');
  await lead.getByLabel('Number of sessions').fill('6');
  await lead.getByLabel('Minutes per session').fill('45');
  await lead.getByLabel('Day of the week').selectOption('wednesday');
  const levels = lead.getByRole('group', { name: 'Levels it suits' }).getByRole('checkbox');
  for (const box of await levels.all()) await box.check();
  await lead.getByRole('radio', { name: MEASURE }).check();
  await lead.getByRole('group', { name: 'Staff who run it' }).getByRole('checkbox', { name: ELSA.name }).check();
  await check(lead, 'add-filled');
  await lead.getByRole('button', { name: 'Add the intervention' }).click();
  await lead.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(intervention)}`) }).waitFor();
  await lead.getByText(`${intervention} added`).waitFor();
  await lead.getByText('No one is waiting.').waitFor();
  await check(lead, 'intervention-empty');
  const interventionUrl = new URL(lead.url()).pathname;

  // Ask for places for three pupils.
  for (const [n, pupil] of pupils.entries()) await askForPlace(lead, pupil, n === 0);
  await lead.getByText('3 pupils waiting').waitFor();
  await check(lead, 'three-waiting');

  // Give places to the first two in the queue.
  const placed = [await giveFirstAPlace(lead, 'give-place'), await giveFirstAPlace(lead)];
  const third = pupils.map((p) => p.name).find((n) => !placed.includes(n));
  expect(third).toBeDefined();
  // The third is first in the queue, with an expected start that says it is an estimate.
  const waiting = waitingEntry(lead, third ?? '');
  await waiting
    .getByRole('heading', { level: 3, name: new RegExp(`^Position 1\\b.*${escapeRegExp(third ?? '')}$`) })
    .waitFor();
  await waiting.getByText(/Expected start:/).waitFor();
  await waiting.getByText('(an estimate)').waitFor();
  expect(await waiting.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await lead.getByText(/Expected start dates are estimates/).waitFor();
  await lead.getByText('Both places are taken.', { exact: false }).waitFor();
  await check(lead, 'two-in-one-waiting');

  // The ELSA: the baseline is due on her home page.
  const elsa = await newPage(viewport);
  await signIn(elsa, ELSA);
  const due = elsa.getByRole('region', { name: /Questionnaires to ask/ });
  const baseline = due.getByRole('link', { name: new RegExp(`^${escapeRegExp(placed[0] ?? '')}: .*GAD-7`) });
  await baseline.waitFor();
  await check(elsa, 'elsa-home');
  await baseline.click();
  await elsa.getByRole('heading', { level: 1, name: MEASURE }).waitFor();
  await elsa.getByRole('button', { name: 'Hand this device to the pupil' }).waitFor();
  await check(elsa, 'questionnaire-to-ask');
  const questionnaireUrl = new URL(elsa.url()).pathname;

  // Hand the device over: only the questions, one per screen.
  await elsa.getByRole('button', { name: 'Hand this device to the pupil' }).click();
  await elsa.getByRole('heading', { level: 1, name: MEASURE }).waitFor();
  await elsa.getByText(`Hello ${placed[0]?.split(' ')[0] ?? ''}.`).waitFor();
  expect(await elsa.getByRole('navigation').count()).toBe(0);
  expect(await elsa.getByRole('banner').count()).toBe(0);
  await check(elsa, 'handed-start');
  await elsa.getByRole('button', { name: 'Start' }).click();
  const answers = ['Several days', 'Not at all', 'More than half the days'];
  for (let n = 1; n <= GAD7_QUESTIONS; n++) {
    await elsa.getByRole('heading', { level: 1, name: `Question ${String(n)} of ${String(GAD7_QUESTIONS)}` }).waitFor();
    // One question on the screen at a time.
    expect(await elsa.getByRole('radiogroup').or(elsa.getByRole('group')).count()).toBe(1);
    await elsa.getByRole('radio', { name: answers[n % answers.length] ?? 'Not at all', exact: true }).check();
    if (n === 1) await check(elsa, 'handed-question');
    if (n === 3) {
      // Nothing else is reachable: the pupil list shows the questionnaire, and the API refuses.
      await elsa.goto(`${baseUrl()}${schoolPath}/pupils`);
      await elsa.getByRole('heading', { level: 1, name: 'Question 4 of 7' }).waitFor();
      expect(await elsa.getByRole('navigation').count()).toBe(0);
      expect(await elsa.getByRole('table').count()).toBe(0);
      const api = await elsa.request.get(`${baseUrl()}/api${schoolPath}/pupils`);
      expect(api.status()).toBe(403);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('handed_to_pupil');
      await check(elsa, 'handed-elsewhere');
      continue;
    }
    await elsa.getByRole('button', { name: 'Next' }).click();
  }
  await elsa.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  await check(elsa, 'handed-check');
  await elsa.getByRole('button', { name: 'Finish' }).click();
  await elsa.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  await elsa.getByText(`Please hand the device back to ${ELSA.greetingName}.`).waitFor();
  // The pupil sees no scores.
  expect(await elsa.getByText(/Anxiety \(total\)/).count()).toBe(0);
  await check(elsa, 'handed-thank-you');

  // Give it back: a wrong password is refused; her own returns the device, with the scores.
  await elsa.getByRole('button', { name: 'Give back to staff' }).click();
  const password = elsa.getByLabel(`${ELSA.greetingName}: your Tandem password`);
  await password.fill('not my password');
  await elsa.getByRole('button', { name: 'Give back', exact: true }).click();
  await elsa
    .getByRole('alert')
    .filter({ hasText: /There is a problem/i })
    .waitFor();
  await check(elsa, 'give-back-refused');
  await password.fill(PASSWORD);
  await elsa.getByRole('button', { name: 'Give back', exact: true }).click();
  await elsa.waitForURL((url) => url.pathname === questionnaireUrl);
  await elsa.getByRole('heading', { level: 1, name: MEASURE }).waitFor();
  await elsa.getByRole('heading', { level: 2, name: 'Scores' }).waitFor();
  await elsa.getByText('Anxiety (total)').waitFor();
  await elsa
    .getByText(/^\d+ \(/)
    .first()
    .waitFor();
  await check(elsa, 'questionnaire-scores');

  // Record a session for the group.
  await elsa.goto(`${baseUrl()}${interventionUrl}`);
  await elsa.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(intervention)}`) }).waitFor();
  await check(elsa, 'elsa-intervention');
  await elsa.getByRole('button', { name: 'Record a session' }).click();
  const session = elsa.getByRole('form', { name: 'Record a session' });
  await session.getByRole('group', { name: placed[0] }).getByRole('radio', { name: 'Attended' }).waitFor();
  await session.getByRole('group', { name: placed[1] }).getByRole('radio', { name: 'Did not attend' }).check();
  await session.getByLabel('A short note (optional)').fill('Introductions, and the worry jar.');
  await check(elsa, 'record-session');
  await session.getByRole('button', { name: 'Record the session' }).click();
  await elsa.getByText('Session recorded', { exact: true }).waitFor();
  const sessions = elsa.getByRole('table', { name: 'Sessions recorded, latest first' });
  await sessions.getByText(`1 of 2 attended. Did not attend: ${placed[1] ?? ''}`).waitFor();
  await check(elsa, 'session-recorded');

  // The lead: the pupil's record shows the place and the baseline's score.
  const firstPlaced = pupils.find((p) => p.name === placed[0]) ?? pupils[0];
  await lead.goto(`${baseUrl()}${schoolPath}/pupils?form=${firstPlaced?.form ?? ''}`);
  await lead.getByRole('link', { name: firstPlaced?.name ?? '', exact: true }).click();
  await lead.getByRole('heading', { level: 1, name: firstPlaced?.name ?? '' }).waitFor();
  await lead.getByText(intervention).first().waitFor();
  await lead
    .getByText(/Anxiety \(total\)/)
    .first()
    .waitFor();
  await check(lead, 'pupil-record');

  // The lead's outcomes, and the questionnaires the school can use.
  await openFromNav(lead, 'Interventions', 'Interventions');
  await lead.getByRole('link', { name: 'Outcomes: waits, attendance and improvement' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Intervention outcomes' }).waitFor();
  await lead
    .getByRole('table', { name: /^Outcomes by intervention/ })
    .getByText(intervention)
    .waitFor();
  await check(lead, 'outcomes');
  await lead.getByRole('link', { name: 'Back to interventions' }).click();
  await lead.getByRole('link', { name: /^Questionnaires: / }).click();
  await lead.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
  await lead.getByRole('table', { name: 'Questionnaires your school can use' }).getByText(MEASURE).waitFor();
  await check(lead, 'measures');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('interventions', () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    test(
      `${viewport}: add an intervention, fill it and queue a third; a baseline on a handed device; a session`,
      { timeout: 300_000 },
      async () => {
        await journey(viewport);
      },
    );
  }
});
