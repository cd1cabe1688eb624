/**
 * The resource library (issue 13), at 360 px and at desktop width: the Senior Mental Health Lead
 * follows a link to one area's resources (as a low self-assessment rating gives it), adds one of the
 * school's own entries from there (the area already ticked), is refused first for missing answers,
 * then finds her entry under that area, marks it reviewed and withdraws it. Every page: axe, a
 * screenshot, no sideways scroll at 360 px.
 */
import { describe, test } from 'vitest';
import { baseUrl, newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { SMHL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** axe, a screenshot named lib-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('lib');

async function journey(viewport: Viewport): Promise<void> {
  const lead = await newPage(viewport);
  await signIn(lead, SMHL);
  const schoolPath = new URL(lead.url()).pathname;
  const title = `Year 6 transition buddies (${viewport})`;

  // Straight to one area's resources, as from a self-assessment rating.
  await lead.goto(`${baseUrl()}${schoolPath}/whole-school/resources?area=county.voice`);
  await lead.getByRole('heading', { level: 1, name: 'Resource library' }).waitFor();
  await lead.getByText(/^Filter \(1 in use\)$/).waitFor();
  await check(lead, 'area');

  // Add an entry; missing answers are refused with a summary.
  await lead.goto(`${baseUrl()}${schoolPath}/whole-school/resources/new?area=county.voice`);
  await lead.getByRole('heading', { level: 1, name: 'Add an entry to the library' }).waitFor();
  await lead.getByRole('button', { name: 'Add the entry' }).click();
  await lead.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await check(lead, 'refused');
  await lead.getByLabel('Title').fill(title);
  await lead.getByLabel('What it is, in plain words').fill('Older pupils help Year 6 settle in: how it runs.');
  await lead.getByLabel('Staff', { exact: true }).check();
  await lead.getByLabel('Guidance', { exact: true }).check();
  await lead.getByLabel('Web address (optional)').fill('https://kingsmead.example/transition-buddies');
  await lead.getByRole('button', { name: 'Add the entry' }).click();
  await lead.getByText(`${title} added to the library`).waitFor();

  // It is there under the area, and can be marked reviewed and withdrawn.
  await lead.goto(`${baseUrl()}${schoolPath}/whole-school/resources?area=county.voice&q=${encodeURIComponent(title)}`);
  const card = lead.getByRole('listitem').filter({ has: lead.getByRole('heading', { level: 3, name: title }) });
  await card.waitFor();
  await check(lead, 'found');
  await card.getByRole('button', { name: /^Mark as reviewed/ }).click();
  await lead.getByText(`${title} marked as reviewed`).waitFor();
  await card.getByRole('button', { name: /^Withdraw/ }).click();
  await lead.getByRole('dialog').getByRole('button', { name: 'Yes, withdraw it' }).click();
  await lead.getByText(`${title} withdrawn`).waitFor();
  await lead.getByRole('heading', { level: 2, name: 'Nothing in the library matches' }).waitFor();
  await check(lead, 'withdrawn');
}

describe('the resource library', () => {
  test('at phone width', async () => {
    await journey('phone');
  });
  test('at desktop width', async () => {
    await journey('desktop');
  });
});
