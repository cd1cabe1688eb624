/**
 * The whole-school journey of issue 13, through the web app:
 *  - At desktop width, the Senior Mental Health Lead opens Whole school, rates three statements in
 *    three areas of this year's self-assessment, each with its evidence (each says "Saved"), finds
 *    them proposed on the action plan, and writes an action from one for a teacher, Amira Haddad,
 *    with a due date. Amira signs in on a phone: the action is on her home page, and opens.
 *  - At 360 px, the tutor's home page lists what the whole-school tools ask of him (an overdue
 *    action he owns, a policy to read, the staff survey, training to renew), and the hub reads well.
 * Every page: axe, a screenshot (test-results/screenshots/ws-…), no sideways scroll at 360 px.
 * (The survey answered on a phone is journey survey-…, staff-survey.e2e.ts.)
 */
import { describe, expect, test } from 'vitest';
import { newPage, useBrowser, checksAtOwnWidth } from './support/browser';
import { typeDate, ukDay } from './support/dates';
import { openFromNav } from './support/pages';
import { SMHL, TUTOR } from './support/people';
import { signIn } from './support/sign-in';

useBrowser();

/** A teacher with no other part in the demo (demo/demo-staff.ts). */
const TEACHER = {
  email: 'amira.haddad@kingsmead.example',
  name: 'Amira Haddad',
  greetingName: 'Amira',
  twoFactor: false,
};

/** Three statements the demo leaves unrated, in three areas (the other journeys rate others). */
const RATED = [
  {
    area: 'Partnerships',
    text: 'The school develops a sense of belonging to its local community.',
    rating: 'Emerging',
    evidence: 'Two community projects this year; no regular link with local groups yet.',
  },
  {
    area: 'Voice of the child or young person',
    text: 'Children and young people help set their own targets and review their progress, growing in independence.',
    rating: 'Emerging',
    evidence: 'Pupils on support plans set targets with their key adult; others do not yet.',
  },
  {
    area: 'Flexible response',
    text: 'Positive support plans are in place where they are needed.',
    rating: 'Not in place',
    evidence: 'No positive support plans yet; behaviour plans do not describe what helps.',
  },
] as const;

const ACTION = 'Start a termly community afternoon with local groups';

/** axe, a screenshot named ws-<name>-<phone|desktop>, and at 360 px no sideways scroll. */
const check = checksAtOwnWidth('ws');

describe('whole-school tools', () => {
  test(
    'the lead rates three areas with evidence, writes an action from a proposal, and its owner sees it at home',
    { timeout: 240_000 },
    async () => {
      const lead = await newPage('desktop');
      await signIn(lead, SMHL);
      await openFromNav(lead, 'Whole school', 'Whole school');
      await check(lead, 'hub');

      await lead.getByRole('link', { name: 'Self-assessment', exact: true }).click();
      await lead.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor();
      await lead.getByRole('link', { name: /^2026 to 2027: The county framework/ }).click();
      await lead.getByRole('heading', { level: 1, name: 'Self-assessment 2026 to 2027' }).waitFor();
      for (const r of RATED) {
        const region = lead.getByRole('region', { name: r.area, exact: true });
        const item = region.locator('.sa-statements__item').filter({ hasText: r.text });
        await item.getByRole('radio', { name: r.rating, exact: true }).check();
        await item.getByLabel('Evidence', { exact: true }).fill(r.evidence);
        await item.getByRole('button', { name: /^Save/ }).click();
        await expect.poll(() => item.locator('.sa-statement__status').textContent()).toBe('Saved');
      }
      await check(lead, 'rated');

      await openFromNav(lead, 'Whole school', 'Whole school');
      await lead.getByRole('link', { name: 'Action plan', exact: true }).click();
      await lead.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor();
      const proposals = lead.locator('.proposal');
      for (const r of RATED) await proposals.filter({ hasText: r.text }).first().waitFor();
      await check(lead, 'proposed');

      await proposals
        .filter({ hasText: RATED[0].text })
        .getByRole('link', { name: /^Write an action/ })
        .click();
      await lead.getByRole('heading', { level: 1, name: 'Write an action' }).waitFor();
      // The proposal's area and statement come already chosen.
      expect(await lead.getByLabel('Which statement does it answer? (optional)').inputValue()).toBe(
        'county.partnerships.7',
      );
      await lead.getByLabel('What will be done?').fill(ACTION);
      await lead
        .getByLabel('How will you know it has worked?')
        .fill('Three local groups have joined us by the summer.');
      await lead.getByLabel('Who owns it?').selectOption({ label: TEACHER.name });
      await typeDate(lead, 'When is it due?', ukDay(60));
      await check(lead, 'action-new');
      await lead.getByRole('button', { name: 'Add the action' }).click();
      await lead.getByRole('heading', { level: 1, name: ACTION }).waitFor();

      // The proposal it answers is no longer proposed.
      await openFromNav(lead, 'Whole school', 'Whole school');
      await lead.getByRole('link', { name: 'Action plan', exact: true }).click();
      await lead.getByRole('heading', { name: 'Proposed actions' }).waitFor();
      expect(await lead.locator('.proposal').filter({ hasText: RATED[0].text }).count()).toBe(0);
      await lead.locator('.proposal').filter({ hasText: RATED[1].text }).first().waitFor();

      const owner = await newPage('phone');
      await signIn(owner, TEACHER);
      const section = owner.getByRole('region', { name: /^Your actions in the school's action plan/ });
      await section.getByRole('link', { name: ACTION }).waitFor();
      await check(owner, 'owner-home');
      await section.getByRole('link', { name: ACTION }).click();
      await owner.getByRole('heading', { level: 1, name: ACTION }).waitFor();
      await check(owner, 'owner-action');
    },
  );

  test("at 360 px the tutor's home lists what the whole-school tools ask of him", { timeout: 180_000 }, async () => {
    const tutor = await newPage('phone');
    await signIn(tutor, TUTOR);
    for (const heading of [
      /^Your actions in the school's action plan/,
      /^Policies to read/,
      /^A staff survey for you/,
      /^Your training to renew/,
    ]) {
      await tutor.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await check(tutor, 'tutor-home');
    await openFromNav(tutor, 'Whole school', 'Whole school');
    // A tutor rates nothing and writes no plan: those tools are not offered.
    expect(await tutor.getByRole('link', { name: 'Self-assessment', exact: true }).count()).toBe(0);
    await check(tutor, 'hub-tutor');
  });
});
