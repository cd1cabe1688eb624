/**
 * Journey miss (issue 18, the missing list), at 360 px and at desktop width: the DSL opens the
 * missing list, where a pupil at MH4 is absent without a reason at the latest register. At 360 px
 * the DSL records what was done (sent empty first: the form says what to answer). Then the DSL
 * opens a listed pupil's record, takes them off the list with a reason and puts them back.
 * Every page: axe, a screenshot at the journey's width, no sideways scroll at 360 px.
 */
import { describe, test } from 'vitest';
import { newPage, useBrowser, type Viewport, checksAtOwnWidth } from './support/browser';
import { DSL } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const check = checksAtOwnWidth('miss');

async function journey(viewport: Viewport): Promise<void> {
  const dsl = await newPage(viewport);
  await signIn(dsl, DSL);
  const schoolPath = new URL(dsl.url()).pathname;

  await dsl.goto(`${schoolPath}/missing`);
  await dsl.getByRole('heading', { level: 1, name: 'Missing list' }).waitFor();
  await dsl.getByRole('heading', { name: 'On the missing list' }).waitFor();
  await check(dsl, 'list');

  if (viewport === 'phone') {
    const open = dsl.getByRole('list', { name: 'Absences to follow up, oldest first' });
    await open
      .getByRole('button', { name: /^Record what was done/ })
      .first()
      .click();
    await dsl.getByRole('button', { name: 'Save' }).click();
    const summary = dsl.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Choose what was done' }).waitFor();
    await check(dsl, 'action-refused');
    await dsl.getByLabel('Contacted parents or carers').check();
    await dsl
      .getByLabel('What happened, and what happens next')
      .fill('Spoke to mum at 9:15: at home with a migraine, will be in tomorrow. Checked in with her by phone at 2pm.');
    await dsl.getByRole('button', { name: 'Save' }).click();
    await dsl.getByRole('heading', { name: 'Followed up' }).waitFor();
    await dsl.getByText(/Contacted parents or carers: Spoke to mum/).waitFor();
    await check(dsl, 'followed-up');
  }

  const onList = dsl.getByRole('table', { name: /on the missing list/ });
  const pupilLink = onList.getByRole('link').first();
  const name = (await pupilLink.textContent()) ?? '';
  await pupilLink.click();
  await dsl.getByRole('heading', { level: 3, name: 'Missing list' }).waitFor();
  await dsl.getByText('On the missing list', { exact: true }).waitFor();
  await check(dsl, 'pupil');

  await dsl.getByRole('link', { name: /^Take off the missing list/ }).click();
  await dsl.getByRole('heading', { level: 1, name: 'Take off the missing list' }).waitFor();
  await dsl.getByRole('button', { name: 'Take off the list' }).click();
  await dsl
    .getByRole('alert')
    .filter({ hasText: 'There is a problem' })
    .getByRole('link', { name: 'Enter the reason' })
    .waitFor();
  await check(dsl, 'remove-refused');
  await dsl.getByLabel('Why?').fill('Attending every day since the plan was agreed; reviewed with the SMHL.');
  await dsl.getByRole('button', { name: 'Take off the list' }).click();
  await dsl.getByText(`${name} is off the missing list`).waitFor();
  await dsl.getByText('Not on the missing list', { exact: true }).waitFor();

  await dsl.getByRole('link', { name: /^Add to the missing list/ }).click();
  await dsl.getByRole('heading', { level: 1, name: 'Add to the missing list' }).waitFor();
  await dsl.getByLabel('Why?').fill('Back on the list while the new plan settles in.');
  await dsl.getByRole('button', { name: 'Add to the list' }).click();
  await dsl.getByText(`${name} is on the missing list`).waitFor();
  await check(dsl, 'pupil-added-back');
}

describe('the missing list', () => {
  test('at 360 px: the DSL follows up an absence and takes a pupil off and back on', async () => {
    await journey('phone');
  });
  test('at desktop width: the same list and pupil', async () => {
    await journey('desktop');
  });
});
