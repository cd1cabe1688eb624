/**
 * Reduced timetables (issue: attendance and provision), at 360 px and at desktop width: the Senior
 * Mental Health Lead opens a pupil's "Attendance and provision" tab, where nothing is recorded yet,
 * and records a reduced timetable agreed with the parents. Sent without an end date, the form says
 * every reduced timetable has one; with it, the timetable shows on the tab, running, with its next
 * review. The lead records a review, schedules visits, records a home visit and education
 * elsewhere. The headteacher then finds the pupil on the school's list. For Olivia Clarke, her
 * mother and Olivia herself see the timetable and the visit at home, never why nor how she seemed.
 * Every page: axe, a screenshot at the journey's width, no sideways scroll at 360 px.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { typeDate, ukDay } from './support/dates';
import { HEAD, PARENT, PUPIL, SMHL } from './support/people';
import { fillSignIn, openSignIn, signIn } from './support/sign-in';

useBrowser();

/** axe, a screenshot named prov-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('prov');
const REASON = 'Panic attacks on arrival since half term.';
const SEEMED = 'Tired but chatty about her drawing.';

/** Opens the first pupil a search finds, on the "Attendance and provision" tab; the pupil's name. */
async function openTab(lead: Page, schoolPath: string, query: string, name?: string): Promise<string> {
  await lead.goto(`${baseUrl()}${schoolPath}/pupils?${query}`);
  const links = lead.getByRole('table', { name: 'Pupils, by surname' }).getByRole('link');
  const firstPupil = name === undefined ? links.first() : links.filter({ hasText: name }).first();
  const pupil = (await firstPupil.textContent())?.trim() ?? '';
  await firstPupil.click();
  await lead.getByRole('heading', { level: 1, name: pupil }).waitFor();
  await lead.getByRole('link', { name: 'Attendance and provision' }).click();
  await lead.getByText(/is not on a reduced timetable/).waitFor();
  return pupil;
}

/** Records a reduced timetable, first without its end date (refused, with the message). */
async function recordTimetable(lead: Page, checks: boolean): Promise<void> {
  await lead.getByRole('link', { name: 'Record a reduced timetable' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Record a reduced timetable' }).waitFor();
  await lead.getByLabel('Why does the pupil need a reduced timetable?').fill(REASON);
  await lead.getByLabel('Hours or sessions in school').fill('Mornings, 8:45 to 12:15');
  await lead.getByLabel('Sessions a week in school').fill('5');
  await typeDate(lead, 'Start date', ukDay(0));
  await lead.getByLabel('The plan to return to a full timetable').fill('Add one afternoon every two weeks.');
  await lead.getByLabel('Who agreed').fill('Aleksandra Clarke (mother)');
  await typeDate(lead, 'When they agreed', ukDay(-1));
  await lead.getByRole('radio', { name: 'At a meeting' }).check();
  await typeDate(lead, 'Review 1', ukDay(14));
  await lead.getByRole('button', { name: 'Record the reduced timetable' }).click();
  const summary = lead.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: /every reduced timetable has an end date/ }).waitFor();
  if (checks) await check(lead, 'editor-refused');
  await typeDate(lead, 'End date', ukDay(28));
  await lead.getByRole('button', { name: 'Record the reduced timetable' }).click();
  await lead.getByText('Reduced timetable recorded').waitFor();
  await lead.getByText('Running').waitFor();
}

async function recordVisit(lead: Page, checks: boolean): Promise<void> {
  await lead.getByRole('button', { name: 'Record a visit or call' }).click();
  await lead.getByRole('radio', { name: 'Home visit' }).check();
  await lead.getByRole('radio', { name: 'Yes' }).check();
  await lead.getByLabel('How did they seem?').fill(SEEMED);
  if (checks) await check(lead, 'visit-form');
  await lead.getByRole('button', { name: 'Record it' }).click();
  await lead.getByText('Visit or call recorded').waitFor();
}

async function journey(viewport: Viewport, form: string): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;
  const pupil = await openTab(lead, schoolPath, `form=${form}&level=none`);
  await check(lead, 'tab-empty');
  await recordTimetable(lead, true);
  await lead.getByText('Aleksandra Clarke (mother)', { exact: false }).waitFor();
  await check(lead, 'tab-timetable');

  await lead.getByRole('button', { name: 'Record a review' }).click();
  await lead.getByLabel('What was decided').fill('Settling well; keep to mornings for now.');
  await check(lead, 'review-form');
  await lead.getByRole('button', { name: 'Record the review' }).click();
  await lead.getByText('Review recorded').waitFor();

  await lead.getByRole('button', { name: 'Schedule visits or calls' }).click();
  await lead.getByRole('radio', { name: 'Every week' }).check();
  await lead.getByRole('button', { name: 'Schedule them' }).click();
  await lead.getByText('Visits or calls scheduled').waitFor();
  await recordVisit(lead, true);
  await check(lead, 'tab-visits');

  await lead.getByRole('link', { name: 'Record education elsewhere' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Record education elsewhere' }).waitFor();
  await lead.getByRole('radio', { name: 'Hospital school' }).check();
  await lead.getByLabel('The provider’s name').fill('Riverside Hospital School');
  await lead.getByRole('checkbox', { name: 'Monday' }).check();
  await lead.getByRole('checkbox', { name: 'Tuesday' }).check();
  await lead.getByLabel('The contact there').fill('Ms Reid');
  await lead.getByLabel('How attendance there is reported back to school').fill('A weekly e-mail.');
  await lead.getByLabel('How the school keeps in touch with the pupil').fill('A weekly call from the tutor.');
  await typeDate(lead, 'Start date', ukDay(0));
  await check(lead, 'elsewhere-editor');
  await lead.getByRole('button', { name: 'Record it' }).click();
  await lead.getByText('Education elsewhere recorded').waitFor();
  await lead.getByRole('heading', { name: /Hospital school: Riverside Hospital School/ }).waitFor();

  const head = await newPage(viewport);
  await signIn(head, HEAD);
  await head.goto(`${baseUrl()}${schoolPath}/provision`);
  await head.getByRole('heading', { level: 1, name: 'Reduced timetables and education elsewhere' }).waitFor();
  // Listed twice: on a reduced timetable and taught elsewhere (the count waits for the list).
  await head.getByRole('link', { name: pupil }).first().waitFor();
  await expect(head.getByRole('link', { name: pupil }).count()).resolves.toBe(2);
  expect(await head.content()).not.toContain(REASON);
  await check(head, 'list');
}

describe('reduced timetables', () => {
  test('at 360 px: the SMHL records one with parents’ agreement, the head sees the list', async () => {
    await journey('phone', '10K');
  });
  test('at desktop width: the same', async () => {
    await journey('desktop', '10W');
  });
  test('at 360 px: Olivia’s mother and Olivia see her timetable and visits, not why', async () => {
    const lead = await newPage('phone');
    await signIn(lead, SMHL);
    const schoolPath = new URL(lead.url()).pathname;
    await openTab(lead, schoolPath, 'search=Clarke', PUPIL.name);
    await recordTimetable(lead, false);
    await recordVisit(lead, false);

    const parent = await newPage('phone');
    await openSignIn(parent);
    await fillSignIn(parent, PARENT.email);
    await parent.waitForURL((url) => url.pathname === '/family');
    await parent.getByRole('link', { name: PARENT.children[0] }).click();
    await parent.getByRole('heading', { name: 'Part-time timetable' }).waitFor();
    await parent.getByText('Mornings, 8:45 to 12:15', { exact: false }).waitFor();
    await parent.getByRole('heading', { name: 'Visits and calls from school' }).waitFor();
    const page = await parent.content();
    expect(page).not.toContain(REASON);
    expect(page).not.toContain(SEEMED);
    await check(parent, 'parent-child');

    const pupil = await newPage('phone');
    await openSignIn(pupil);
    await fillSignIn(pupil, PUPIL.email);
    await pupil.waitForURL((url) => url.pathname === '/pupil');
    await pupil.getByRole('heading', { name: 'Part-time timetable' }).waitFor();
    expect(await pupil.content()).not.toContain(SEEMED);
    await check(pupil, 'pupil-home');
  });
});
