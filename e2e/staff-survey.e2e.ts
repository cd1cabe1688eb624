/**
 * Journey (issue 13): the Senior Mental Health Lead prepares the anonymous staff wellbeing survey
 * (rewording a statement), opens it; the 9W tutor answers it on a 360 px phone (first sending it
 * half done and being told what is missing), sees the thank-you, and is told he has answered; the
 * lead closes it and, with one response, every figure says "fewer than 5 responses". Every page:
 * axe, screenshots at both widths, no sideways scroll at 360 px.
 */
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser } from './support/browser';
import { checkEveryWay } from './support/pages';
import { SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

const TITLE = `Journey survey ${String(Date.now() % 100_000)}`;

describe('the staff wellbeing survey', () => {
  test(
    'prepared and opened by the lead, answered on a phone, closed with nothing small shown',
    { timeout: 240_000 },
    async () => {
      const lead = await newPage('desktop');
      await signIn(lead, SMHL);
      const school = new URL(lead.url()).pathname.split('/')[2] ?? '';
      const surveys = `/schools/${school}/whole-school/survey`;

      await lead.goto(surveys);
      await lead.getByRole('heading', { level: 1, name: 'Staff wellbeing survey' }).waitFor();
      await checkEveryWay(lead, 'survey-list-lead');
      await lead.getByRole('link', { name: 'Prepare a survey' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Prepare a survey' }).waitFor();
      await lead.getByRole('button', { name: 'Save the draft survey' }).click();
      await lead.getByRole('alert').getByRole('link', { name: /title/i }).waitFor();
      await checkEveryWay(lead, 'survey-new-errors');
      await lead.getByLabel('Title').fill(TITLE);
      await lead.getByLabel('Statement 1', { exact: true }).fill('My workload is usually manageable.');
      await lead.getByRole('button', { name: 'Save the draft survey' }).click();
      await lead.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await checkEveryWay(lead, 'survey-draft');
      await lead.getByRole('button', { name: 'Open the survey now' }).click();
      await lead.getByRole('dialog').getByRole('button', { name: 'Open and invite staff' }).click();
      await lead.getByText(/people have been invited by e-mail/).waitFor();
      await checkEveryWay(lead, 'survey-open-lead');

      const tutor = await newPage('phone');
      await signIn(tutor, TUTOR);
      await tutor.goto(surveys);
      const forYou = tutor.getByRole('region', { name: 'Surveys for you' });
      await forYou.waitFor();
      await checkEveryWay(tutor, 'survey-list-tutor');
      await forYou
        .getByRole('listitem')
        .filter({ hasText: TITLE })
        .getByRole('link', { name: 'Answer the survey' })
        .click();
      await tutor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await tutor.getByRole('region', { name: 'Your answers are anonymous' }).waitFor();
      await checkEveryWay(tutor, 'survey-answer');
      const statements = tutor.getByRole('group').filter({ has: tutor.getByRole('radio') });
      const count = await statements.count();
      expect(count).toBeGreaterThan(5);
      await statements.nth(0).getByRole('radio', { name: 'Agree', exact: true }).check();
      await tutor.getByRole('button', { name: 'Send my answers' }).click();
      await tutor.getByRole('alert').waitFor();
      await checkEveryWay(tutor, 'survey-answer-errors');
      for (let i = 1; i < count; i++) {
        await statements
          .nth(i)
          .getByRole('radio', { name: i % 2 === 0 ? 'Disagree' : 'Strongly agree', exact: true })
          .check();
      }
      await tutor.getByLabel(/Is there anything else/).fill('A quiet room at lunch would help.');
      await tutor.getByRole('button', { name: 'Send my answers' }).click();
      await tutor.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      await checkEveryWay(tutor, 'survey-thanks');
      await tutor.goto(surveys);
      await tutor
        .getByRole('region', { name: 'Surveys for you' })
        .getByText('you have answered this survey')
        .first()
        .waitFor();

      await lead.reload();
      await lead.getByRole('button', { name: 'Close the survey now' }).click();
      await lead.getByRole('dialog').getByRole('button', { name: 'Close the survey' }).click();
      await lead.getByRole('heading', { name: 'Results' }).waitFor();
      await lead.getByRole('table', { name: 'Who answered' }).waitFor();
      expect(await lead.getByText('fewer than 5 responses').count()).toBeGreaterThan(3);
      await checkEveryWay(lead, 'survey-results-small');
    },
  );
});
