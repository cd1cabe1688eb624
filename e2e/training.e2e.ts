/**
 * Journey t (issue 13, training record), at 360 px and at desktop width: the tutor opens his
 * training, adds training he has done (sent empty, the form lists every question to answer), and
 * sees it awaiting confirmation. The Senior Mental Health Lead finds it under "Waiting for you to
 * confirm" in the school’s view, confirms it, filters the staff table by course and role and sees the
 * CSV download. The tutor's record then shows as in date. Every page: axe, a screenshot at the
 * journey's width, no sideways scroll at 360 px.
 */
import { describe, test } from 'vitest';
import { newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { typeDate, ukDay } from './support/dates';
import { SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** axe, a screenshot named trn-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('trn');

async function journey(viewport: Viewport): Promise<void> {
  const provider = `Attachment-aware schools course (${viewport})`;
  const tutor = await newPage(viewport);
  await signIn(tutor, TUTOR);
  const schoolPath = new URL(tutor.url()).pathname;

  await tutor.goto(`${schoolPath}/whole-school/training`);
  await tutor.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  await tutor.getByRole('heading', { name: 'What your roles need' }).waitFor();
  await check(tutor, 'tutor-own');

  await tutor.getByRole('link', { name: 'Add training you have done' }).click();
  await tutor.getByRole('heading', { level: 1, name: 'Add training' }).waitFor();
  await tutor.getByRole('button', { name: 'Add the training' }).click();
  const summary = tutor.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Choose the training' }).waitFor();
  await summary.getByRole('link', { name: 'Enter who gave the training' }).waitFor();
  await check(tutor, 'add-refused');

  await tutor.getByLabel('Other training').check();
  await tutor.getByLabel('Name of the training').fill('Attachment and trauma awareness');
  await typeDate(tutor, 'When was the training done?', ukDay(-4));
  await tutor.getByLabel('Who gave the training?').fill(provider);
  await tutor.getByRole('button', { name: 'Add the training' }).click();
  await tutor.getByRole('heading', { level: 1, name: 'Attachment and trauma awareness' }).waitFor();
  await tutor.getByText('Training added').waitFor();
  await tutor.getByText('Awaiting confirmation').first().waitFor();
  await check(tutor, 'tutor-added');
  const recordPath = new URL(tutor.url()).pathname;

  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  await lead.goto(`${schoolPath}/whole-school/training`);
  const waiting = lead.getByRole('region', { name: /^Waiting for you to confirm/ });
  await waiting
    .getByRole('link', { name: `${TUTOR.name}: Attachment and trauma awareness` })
    .first()
    .waitFor();
  await lead.getByRole('heading', { name: 'Gaps by role' }).waitFor();
  await check(lead, 'school-view');
  await lead.goto(recordPath);
  await lead.getByRole('button', { name: 'Confirm this training' }).click();
  await lead.getByText('Training confirmed').waitFor();
  await check(lead, 'lead-confirmed');

  await lead.goto(`${schoolPath}/whole-school/training`);
  await lead.getByLabel('Training', { exact: true }).selectOption('safeguarding_level_1');
  await lead.getByLabel('Role').selectOption('teacher');
  await lead.getByRole('button', { name: 'Show staff' }).click();
  await lead.getByText(/^\d+ (person|people) of \d+ staff$/).waitFor();
  await lead.getByRole('button', { name: 'Download this table as a spreadsheet (CSV)' }).waitFor();
  await check(lead, 'filtered');

  await tutor.goto(`${schoolPath}/whole-school/training`);
  const records = tutor.getByRole('table', { name: 'Your training records, newest first' });
  await records.getByRole('row').filter({ hasText: provider }).getByText('In date').waitFor();
}

describe('the training record', () => {
  test('at 360 px: the tutor adds his training, the lead confirms it', async () => {
    await journey('phone');
  });
  test('at desktop width: the same', async () => {
    await journey('desktop');
  });
});
