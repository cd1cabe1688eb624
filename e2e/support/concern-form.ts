/** Helpers for the log-a-concern form, used by every journey that logs one. */
import type { Page } from 'playwright-core';

type Answer = 'Yes' | 'No';

/** Answers the form's first three questions (a medical emergency? a risk of harm? child protection?). */
export async function answerFirstQuestions(
  page: Page,
  answers: { medical: Answer; harm: Answer; childProtection: Answer },
): Promise<void> {
  await page
    .getByRole('group', { name: 'Is this a medical emergency?' })
    .getByRole('radio', { name: answers.medical })
    .check();
  await page
    .getByRole('group', { name: /risk of immediate harm/ })
    .getByRole('radio', { name: answers.harm })
    .check();
  await page
    .getByRole('group', { name: /child-protection matter/ })
    .getByRole('radio', { name: answers.childProtection })
    .check();
}
