/**
 * The portal's own words are measured, not guessed: the Flesch–Kincaid grade of every sentence
 * pupils see is at most 6 (a reading age of about 11), and of every sentence parents and carers
 * see at most 8 (about 13). Syllables are counted by `syllable`, the grade by `flesch-kincaid`
 * (0.39 × words per sentence + 11.8 × syllables per word − 15.59). Names, dates and numbers in a
 * sentence are stood in for by a short name, as they are short words on the page.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { EMERGENCY_LINE, FAMILY_MESSAGE_STATE_LABELS, HELP_LINES, MOOD_LABELS } from './family.values';
import { PARENT_WORDS, PUPIL_WORDS } from './family.words';
import { DEFAULT_PARTNERSHIP } from './partnership';
import { TWO_STEP_ENROLMENT_WORDS, TWO_STEP_RECOVERY_WORDS, TWO_STEP_WORDS } from './two-step.words';

const SAMPLE = 'Sam';

/** Every sentence a words object gives, with each function's blanks filled by a short name. */
function textsOf(words: Readonly<Record<string, unknown>>): string[] {
  return Object.values(words).map((value) =>
    typeof value === 'function' ? String((value as (...args: unknown[]) => unknown)(SAMPLE, SAMPLE)) : String(value),
  );
}

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

/** The sentences in some texts: each text is at least one (a heading, a label, a button). */
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

const PARENT_TEXTS = [
  ...textsOf(PARENT_WORDS),
  ...Object.values(FAMILY_MESSAGE_STATE_LABELS),
  ...HELP_LINES.flatMap((l) => [l.how, l.detail]),
  EMERGENCY_LINE.detail,
  DEFAULT_PARTNERSHIP.intro,
  ...DEFAULT_PARTNERSHIP.questions.flatMap((q) => [q.question, q.answer]),
  ...DEFAULT_PARTNERSHIP.homeCommitments,
  ...textsOf(TWO_STEP_WORDS),
  ...textsOf(TWO_STEP_ENROLMENT_WORDS),
  ...TWO_STEP_RECOVERY_WORDS.fileLines,
];

/**
 * The grade of each full sentence (eight words or more) on its own, so that many short labels
 * cannot hide one hard sentence in the average.
 */
function hardSentences(texts: readonly string[], most: number): string[] {
  return sentencesOf(texts)
    .filter((s) => s.length >= 8)
    .map((s) => s.join(' '))
    .filter((s) => grade([s]) > most);
}

const PUPIL_TEXTS = [
  ...textsOf(PUPIL_WORDS),
  ...Object.values(MOOD_LABELS).map((m) => m.words),
  ...HELP_LINES.flatMap((l) => [l.how, l.detail]),
  EMERGENCY_LINE.how,
  EMERGENCY_LINE.detail,
];

describe('the measure', () => {
  it('tells plain words from hard ones', () => {
    expect(grade(['You can talk to us at any time.'])).toBeLessThan(4);
    expect(
      grade([
        'Notwithstanding the aforementioned considerations, multidisciplinary collaboration necessitates comprehensive documentation.',
      ]),
    ).toBeGreaterThan(14);
  });
});

describe('the words of the pupil portal', () => {
  it('read at Flesch–Kincaid grade 6 or below (a reading age of about 11)', () => {
    expect(grade(PUPIL_TEXTS)).toBeLessThanOrEqual(6);
  });

  it('have no full sentence above grade 8 on its own', () => {
    expect(hardSentences(PUPIL_TEXTS, 8)).toEqual([]);
  });

  it('keep every sentence short (15 words at most)', () => {
    const long = sentencesOf(PUPIL_TEXTS).filter((s) => s.length > 15);
    expect(long.map((s) => s.join(' '))).toEqual([]);
  });
});

describe('the words of the parent and carer portal', () => {
  it('read at Flesch–Kincaid grade 8 or below (a reading age of about 13)', () => {
    expect(grade(PARENT_TEXTS)).toBeLessThanOrEqual(8);
  });

  it('have no full sentence above grade 10 on its own', () => {
    expect(hardSentences(PARENT_TEXTS, 10)).toEqual([]);
  });

  it('keep every sentence short (20 words at most)', () => {
    const long = sentencesOf(PARENT_TEXTS).filter((s) => s.length > 20);
    expect(long.map((s) => s.join(' '))).toEqual([]);
  });
});
