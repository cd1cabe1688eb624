/**
 * Journey (issue 13, action plan): the Mental Health Lead opens the action plan, sees statements
 * rated below "established" proposed as actions, writes one for the tutor, notes progress and changes
 * it; the tutor, on a 360 px phone, opens his overdue action from the demo and notes progress. Every
 * page: axe, screenshots at both widths, no sideways scroll at 360 px. Needs the demo action plan
 * (demo-actions.ts).
 */
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser } from './support/browser';
import { typeDate, ukDay } from './support/dates';
import { checkEveryWay } from './support/pages';
import { SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

describe('the action plan', () => {
  test('the lead writes an action from a proposal; the owner notes progress', { timeout: 240_000 }, async () => {
    const lead = await newPage('desktop');
    await signIn(lead, SMHL);
    const home = new URL(lead.url()).pathname;
    await lead.goto(`${home}/whole-school/action-plan`);
    await lead.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor();
    await lead.getByRole('heading', { name: 'Proposed actions' }).waitFor();
    expect(await lead.getByText(/Carried forward from/).count()).toBeGreaterThan(0);
    await checkEveryWay(lead, 'ap-plan');

    await lead.getByRole('radio', { name: 'Mine' }).check();
    await checkEveryWay(lead, 'ap-plan-mine');
    await lead.getByRole('radio', { name: /^All actions/ }).check();

    await lead
      .getByRole('link', { name: /^Write an action/ })
      .first()
      .click();
    await lead.getByRole('heading', { level: 1, name: 'Write an action' }).waitFor();
    await lead.getByRole('button', { name: 'Add the action' }).click();
    await lead.getByRole('alert').getByText('There is a problem').waitFor();
    await checkEveryWay(lead, 'ap-new-errors');
    await lead.getByLabel('What will be done?').fill('Start a lunchtime calm club for Year 7');
    await lead.getByLabel('How will you know it has worked?').fill('Twenty pupils come each week by the spring.');
    await lead.getByLabel('Who owns it?').selectOption({ label: TUTOR.name });
    await typeDate(lead, 'When is it due?', ukDay(40));
    await lead.getByRole('button', { name: 'Add the action' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Start a lunchtime calm club for Year 7' }).waitFor();
    await checkEveryWay(lead, 'ap-action');

    await lead.getByRole('button', { name: 'Note progress' }).click();
    await lead.getByLabel('What has happened?').fill('Room booked and posters up.');
    await checkEveryWay(lead, 'ap-progress-form');
    await lead.getByRole('button', { name: 'Save the note' }).click();
    await lead.getByText('Room booked and posters up.').waitFor();

    await lead.getByRole('link', { name: /^Change the action/ }).click();
    await lead.getByRole('heading', { level: 1, name: 'Change the action' }).waitFor();
    await checkEveryWay(lead, 'ap-edit');
    await lead.getByLabel('What will be done?').fill('Start a lunchtime calm club for Years 7 and 8');
    await lead.getByRole('button', { name: 'Save changes' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Start a lunchtime calm club for Years 7 and 8' }).waitFor();

    const tutor = await newPage('phone');
    await signIn(tutor, TUTOR);
    const school = new URL(tutor.url()).pathname;
    const work = (await (await tutor.request.get(`/api${school}/my-work`)).json()) as {
      actionsDue: { actionId: string; title: string; overdue: boolean }[];
    };
    expect(work.actionsDue.map((a) => a.title)).toContain('Start a lunchtime calm club for Years 7 and 8');
    const overdue = work.actionsDue.find((a) => a.overdue);
    expect(overdue).toBeDefined();
    await tutor.goto(`${school}/whole-school/action-plan/${overdue?.actionId ?? ''}`);
    await tutor.getByText('Overdue').first().waitFor();
    await checkEveryWay(tutor, 'ap-tutor-overdue-action');
    await tutor.getByRole('button', { name: 'Note progress' }).click();
    await tutor.getByLabel('What has happened?').fill('All six forms have chosen their members.');
    await tutor.getByRole('radio', { name: 'In progress' }).check();
    await tutor.getByRole('button', { name: 'Save the note' }).click();
    await tutor.getByText('All six forms have chosen their members.').waitFor();
    await checkEveryWay(tutor, 'ap-tutor-noted');
  });
});
