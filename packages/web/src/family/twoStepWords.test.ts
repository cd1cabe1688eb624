/**
 * The two-step sign-in words for parents read as PARENT_WORDS must (core's readability.test.ts,
 * whose measure this repeats): Flesch–Kincaid grade 8 or below, no sentence over 20 words.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { TWO_STEP_ENROLMENT_WORDS, TWO_STEP_RECOVERY_WORDS, TWO_STEP_WORDS } from './twoStepWords';

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

const TEXTS: string[] = [
  ...Object.values(TWO_STEP_WORDS),
  ...Object.values(TWO_STEP_ENROLMENT_WORDS),
  TWO_STEP_RECOVERY_WORDS.listLabel,
  TWO_STEP_RECOVERY_WORDS.download,
  ...TWO_STEP_RECOVERY_WORDS.fileLines,
];

function sentencesOf(texts: readonly string[]): string[][] {
  return texts
    .flatMap((text) => text.split(/[.!?…]+(?:\s|$)/))
    .map((sentence) => sentence.match(WORD) ?? [])
    .filter((words) => words.length > 0);
}

function grade(texts: readonly string[]): number {
  const sentences = sentencesOf(texts);
  const words = sentences.flat();
  return fleschKincaid({
    sentence: sentences.length,
    word: words.length,
    syllable: words.reduce((n, w) => n + Math.max(1, syllable(w)), 0),
  });
}

describe('the words for turning on two-step sign-in', () => {
  it('read at Flesch–Kincaid grade 8 or below (a reading age of about 13)', () => {
    expect(grade(TEXTS)).toBeLessThanOrEqual(8);
  });

  it('keep every sentence short (20 words at most)', () => {
    expect(
      sentencesOf(TEXTS)
        .filter((s) => s.length > 20)
        .map((s) => s.join(' ')),
    ).toEqual([]);
  });
});
