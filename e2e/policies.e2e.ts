/**
 * Journey p (issue 13, policy register), at 360 px and at desktop width: the Senior Mental Health
 * Lead opens the policy register and adds a policy for teachers and tutors to read. Sent empty, the
 * form lists every question to answer; filled in, the policy opens with nobody having read it yet
 * and the tutor listed among those who have not. The tutor finds it under "Policies to read",
 * opens it and confirms reading. The lead's page then counts one reader, and the tutor is no longer
 * listed. Every page: axe, a screenshot at the journey's width, no sideways scroll at 360 px.
 */
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { typeDate, ukDay } from './support/dates';
import { SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** axe, a screenshot named pol-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('pol');

async function journey(viewport: Viewport): Promise<void> {
  const title = `Relationships and sex education policy (${viewport})`;
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;

  await lead.goto(`${schoolPath}/whole-school/policies`);
  await lead.getByRole('heading', { level: 1, name: 'Policy register' }).waitFor();
  await check(lead, 'register');

  await lead.getByRole('link', { name: 'Add a policy' }).click();
  await lead.getByRole('heading', { level: 1, name: 'Add a policy' }).waitFor();
  await lead.getByRole('button', { name: 'Add the policy' }).click();
  const summary = lead.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: 'Choose the kind of policy' }).waitFor();
  await expect(
    summary.getByRole('link', { name: 'Upload the policy’s file or give a link to it' }).count(),
  ).resolves.toBe(1);
  await check(lead, 'add-refused');

  await lead.getByLabel('What kind of policy is it?').selectOption('rse');
  await lead.getByLabel('Title', { exact: true }).fill(title);
  await lead.getByLabel('Who owns the policy?').selectOption({ label: 'Sam Patel' });
  await lead.getByLabel('Staff in chosen roles').check();
  await lead.getByLabel('Teacher / tutor').check();
  await lead.getByLabel(/^Link to the policy/).fill('https://www.kingsmead.example/policies/rse-2026.pdf');
  await typeDate(lead, 'When was this version approved?', ukDay(-3));
  await lead.getByLabel('Who approved it?').fill('Governing body');
  await lead.getByRole('button', { name: 'Add the policy' }).click();
  await lead.getByRole('heading', { level: 1, name: title }).waitFor();
  await lead.getByText(`${title} added to the register`).waitFor();
  await lead.getByText(/^0 of \d+ required readers have confirmed version 1/).waitFor();
  await lead.getByText(/Who has not confirmed yet/).click();
  await lead.getByRole('listitem').filter({ hasText: TUTOR.name }).waitFor();
  await check(lead, 'policy-added');

  const tutor = await newPage(viewport);
  await signIn(tutor, TUTOR);
  await tutor.goto(`${schoolPath}/whole-school/policies`);
  const toRead = tutor.getByRole('region', { name: 'Policies to read' });
  await toRead.getByRole('link', { name: title }).click();
  await tutor.getByRole('heading', { level: 1, name: title }).waitFor();
  await tutor.getByRole('heading', { name: 'You are asked to read this policy' }).waitFor();
  await check(tutor, 'tutor-to-read');
  await tutor.getByRole('button', { name: 'I have read this version' }).click();
  await tutor.getByText('Thank you: your reading is confirmed').waitFor();
  await tutor.getByText('You have confirmed reading version 1. Thank you.').waitFor();
  await check(tutor, 'tutor-confirmed');

  await lead.reload();
  await lead.getByText(/^1 of \d+ required readers? ha(s|ve) confirmed version 1/).waitFor();
  await lead.getByText(/Who has not confirmed yet/).click();
  await expect(lead.getByRole('listitem').filter({ hasText: TUTOR.name }).count()).resolves.toBe(0);
}

describe('the policy register', () => {
  test('at 360 px: a lead adds a policy, the tutor reads and confirms it', async () => {
    await journey('phone');
  });
  test('at desktop width: the same', async () => {
    await journey('desktop');
  });
});
