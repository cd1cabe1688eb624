import { describe, expect, it } from 'vitest';
import {
  CUSTOM_NO_RELIABLE_CHANGE_REASON,
  customMeasureDefinition,
  customMeasureDraftSchema,
  type CustomMeasureDraftInput,
} from './custom';
import { compareScores, scoreAnswers } from './score';

const scale = [
  { value: 0, label: 'Not true' },
  { value: 1, label: 'Sometimes true' },
  { value: 2, label: 'Very true' },
];

const draft = (over: Partial<CustomMeasureDraftInput> = {}): CustomMeasureDraftInput => ({
  name: 'Friendship check-in',
  instructions: 'Choose the answer that fits you best.',
  respondents: ['pupil'],
  scale,
  items: [
    { id: 'q1', text: 'I have a friend to play with' },
    { id: 'q2', text: 'I feel left out', reverse: true },
    { id: 'q3', text: 'I feel safe at school' },
    { id: 'q4', text: 'I want to hurt myself', riskAt: 1, unscored: true },
  ],
  scores: [
    {
      label: 'Friendship',
      items: ['q1', 'q2', 'q3'],
      higherIsBetter: true,
      bands: [
        { from: 0, to: 2, label: 'Struggling', clinical: true },
        { from: 3, to: 6, label: 'Doing well' },
      ],
      clinicalThreshold: 2,
      missing: { kind: 'prorate', maxMissing: 1 },
    },
  ],
  ...over,
});

/** The problems found, as "path: message". */
const problems = (input: unknown) => {
  const r = customMeasureDraftSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a school’s own questionnaire', () => {
  it('accepts a well-formed draft and builds the full definition', () => {
    const parsed = customMeasureDraftSchema.parse(draft());
    const def = customMeasureDefinition(parsed, 'custom:7f1c', 2);
    expect(def).toMatchObject({ key: 'custom:7f1c', version: 2, name: 'Friendship check-in', respondents: ['pupil'] });
    expect(def.items[1]).toEqual({ id: 'q2', text: 'I feel left out', reverse: true });
    expect(def.items[3]).toEqual({ id: 'q4', text: 'I want to hurt myself', unscored: true, riskAt: 1 });
    expect(def.scores[0]).toMatchObject({
      id: 's1',
      combine: 'sum',
      min: 0,
      max: 6,
      clinicalThreshold: 2,
      reliableChange: null,
      noReliableChangeReason: CUSTOM_NO_RELIABLE_CHANGE_REASON,
      missing: { kind: 'prorate', maxMissing: 1 },
    });
    expect(def.scores[0]!.bands[1]).toEqual({ from: 3, to: 6, label: 'Doing well', clinical: false });
    expect(def.licence).toMatchObject({ name: 'The school’s own questionnaire', itemTextShipped: true });
    expect(CUSTOM_NO_RELIABLE_CHANGE_REASON).toBe(
      'A questionnaire made by the school has no published reliable-change figure; band movement is shown instead',
    );
  });

  it('is scored by the one scorer: reversal, prorating, bands, risk items', () => {
    const def = customMeasureDefinition(customMeasureDraftSchema.parse(draft()), 'custom:1', 1);
    // q2 "I feel left out" answered 2 scores 0 (reversed on 0..2).
    const r = scoreAnswers(def, { q1: 2, q2: 2, q3: 1, q4: 1 });
    expect(r.scores[0]).toMatchObject({ value: 3, band: 'Doing well', clinical: false });
    expect(r.riskItems).toEqual(['q4']);
    // One of three missing: mean 1.5 x 3 = 4.5, rounded to 5.
    expect(scoreAnswers(def, { q1: 2, q3: 1 }).scores[0]).toMatchObject({ value: 5, prorated: true });
    expect(scoreAnswers(def, { q1: 2 }).scorable).toBe(false);
    const c = compareScores(def.scores[0]!, 2, 5);
    expect(c).toMatchObject({ outcome: null, reason: CUSTOM_NO_RELIABLE_CHANGE_REASON, recovered: true });
    expect(c).toMatchObject({ beforeBand: 'Struggling', afterBand: 'Doing well' });
  });

  it('refuses a missing or over-long name and question', () => {
    expect(problems(draft({ name: '  ' }))).toContain('name: Enter a name for the questionnaire');
    expect(problems(draft({ name: 'x'.repeat(121) }))).toContain('name: Must be 120 characters or fewer');
    const items = draft().items;
    expect(problems(draft({ items: [{ ...items[0]!, text: '' }, ...items.slice(1)] }))).toContain(
      'items.0.text: Enter the question',
    );
    expect(problems(draft({ items: [{ ...items[0]!, text: 'x'.repeat(301) }, ...items.slice(1)] }))).toContain(
      'items.0.text: Must be 300 characters or fewer',
    );
  });

  it('refuses a scale of fewer than 2 or more than 11 answers, or with a value used twice', () => {
    expect(problems(draft({ scale: [scale[0]!] }))).toContain('scale: Give at least 2 answers to choose from');
    const twelve = Array.from({ length: 12 }, (_, i) => ({ value: i, label: `${i}` }));
    expect(problems(draft({ scale: twelve }))).toContain('scale: Give at most 11 answers to choose from');
    expect(problems(draft({ scale: [scale[0]!, { value: 0, label: 'Again' }, scale[2]!] }))).toContain(
      'scale.1.value: Each answer needs a different value',
    );
    expect(problems(draft({ scale: [scale[0]!, { value: 0.5, label: 'Half' }] }))).toContain(
      'scale.1.value: Enter the value of this answer as a whole number',
    );
  });

  it('refuses no questions, more than 60, a repeated id and a risk answer not on the scale', () => {
    expect(problems(draft({ items: [] }))).toContain('items: Add at least one question');
    const many = Array.from({ length: 61 }, (_, i) => ({ id: `q${i + 1}`, text: `Question ${i + 1}` }));
    expect(problems(draft({ items: many }))).toContain('items: Use at most 60 questions');
    const items = draft().items;
    expect(problems(draft({ items: [...items, { id: 'q1', text: 'Again' }] }))).toContain(
      'items.4.id: Two questions have the same id',
    );
    expect(problems(draft({ items: [...items.slice(0, 3), { ...items[3]!, riskAt: 3 }] }))).toContain(
      'items.3.riskAt: The risk answer must be one of the answers on the scale',
    );
  });

  it('refuses a score using a question that does not exist, is unscored or is repeated', () => {
    const score = draft().scores[0]!;
    const withItems = (ids: string[]) =>
      draft({ scores: [{ ...score, items: ids, missing: { kind: 'all_required' } }] });
    expect(problems(withItems(['q1', 'q9']))).toContain(
      'scores.0.items.1: This score uses a question that is not in the questionnaire',
    );
    expect(problems(withItems(['q1', 'q4']))).toContain(
      'scores.0.items.1: A question that is not scored cannot be part of a score',
    );
    expect(problems(withItems(['q1', 'q1']))).toContain('scores.0.items.1: This question is already in the score');
    expect(problems(draft({ scores: [] }))).toContain('scores: Add at least one score');
    expect(problems(draft({ scores: Array.from({ length: 7 }, () => score) }))).toContain(
      'scores: Use at most 6 scores',
    );
  });

  it('refuses overlapping bands, bands outside the score and a clinical threshold outside it', () => {
    const score = draft().scores[0]!;
    const withBands = (bands: { from: number; to: number; label: string }[], clinicalThreshold: number | null = null) =>
      draft({ scores: [{ ...score, bands, clinicalThreshold }] });
    expect(
      problems(
        withBands([
          { from: 3, to: 6, label: 'High' },
          { from: 0, to: 3, label: 'Low' },
        ]),
      ),
    ).toEqual(['scores.0.bands.0.from: This band overlaps “Low”']);
    expect(problems(withBands([{ from: 0, to: 7, label: 'All' }]))).toEqual([
      'scores.0.bands.0.to: A band must lie within the score, from 0 to 6',
    ]);
    expect(problems(withBands([{ from: -1, to: 2, label: 'Low' }]))).toEqual([
      'scores.0.bands.0.from: A band must lie within the score, from 0 to 6',
    ]);
    expect(problems(withBands([{ from: 4, to: 2, label: 'Upside down' }]))).toContain(
      'scores.0.bands.0.to: The highest score must not be below the lowest',
    );
    expect(problems(withBands([], 7))).toEqual([
      'scores.0.clinicalThreshold: The clinical threshold must lie from 0 to 6',
    ]);
    expect(problems(withBands([], 6))).toEqual([]);
  });

  it('refuses a prorating rule that would allow every answer to be missing', () => {
    const score = draft().scores[0]!;
    expect(problems(draft({ scores: [{ ...score, missing: { kind: 'prorate', maxMissing: 3 } }] }))).toEqual([
      'scores.0.missing.maxMissing: At least one question in the score must be answered',
    ]);
  });

  it('refuses a questionnaire with nobody to answer it', () => {
    expect(problems(draft({ respondents: [] }))).toContain('respondents: Choose who answers the questionnaire');
  });
});
