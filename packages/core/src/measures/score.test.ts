import { describe, expect, it } from 'vitest';
import { BUILTIN_MEASURES, builtinMeasure } from './builtin/index';
import { gad7 } from './builtin/gad7';
import { gbo } from './builtin/gbo';
import { mamf } from './builtin/mamf';
import { phq9 } from './builtin/phq9';
import { phqa } from './builtin/phqa';
import { scwbs } from './builtin/scwbs';
import type { Answers, MeasureDefinition, ScoreDefinition } from './measure.types';
import { answerProblem, compareScores, reliableChangeThreshold, scoreAnswers } from './score';

/** Answers from a list of values for q1, q2, ... (null leaves that item unanswered). */
const qs = (values: (number | null)[]): Answers =>
  Object.fromEntries(values.flatMap((v, i) => (v === null ? [] : [[`q${i + 1}`, v]])));
const score = (def: MeasureDefinition, answers: Answers, id: string) =>
  scoreAnswers(def, answers).scores.find((s) => s.id === id)!;
const def = (m: MeasureDefinition, id: string): ScoreDefinition => m.scores.find((s) => s.id === id)!;
/** Values for `n` items on a 0..`top` scale that add up to `total` (the largest first). */
const summing = (n: number, top: number, total: number) =>
  Array.from({ length: n }, (_, i) => Math.max(0, Math.min(top, total - top * i)));

describe('the built-in measures', () => {
  it('are the six agreed keys, found by key', () => {
    expect(BUILTIN_MEASURES.map((m) => m.key)).toEqual(['mamf', 'scwbs', 'gbo', 'phq9', 'phqa', 'gad7']);
    expect(builtinMeasure('phq9')).toBe(phq9);
    expect(builtinMeasure('sdq')).toBeUndefined();
  });

  it.each(BUILTIN_MEASURES.map((m) => [m.key, m] as const))('%s is consistent data', (_key, m) => {
    expect(m.version).toBe(1);
    const items = new Map(m.items.map((i) => [i.id, i]));
    expect(items.size).toBe(m.items.length);
    for (const s of m.scores) {
      for (const id of s.items) expect(items.get(id)?.unscored, `${s.id}: ${id}`).not.toBe(true);
      const top = Math.max(...m.scale.map((o) => o.value));
      expect(s.max).toBe(s.combine === 'sum' ? top * s.items.length : top);
      // Bands ascend, do not overlap and, where given, cover the whole range without gaps.
      s.bands.forEach((b, i) => {
        expect(b.from).toBeLessThanOrEqual(b.to);
        expect(b.from).toBe(i === 0 ? s.min : s.bands[i - 1]!.to + 1);
      });
      if (s.bands.length > 0) expect(s.bands.at(-1)!.to).toBe(s.max);
      if (s.reliableChange === null) expect(s.noReliableChangeReason).toBeTruthy();
    }
    if (!m.licence.itemTextShipped) for (const i of m.items) expect(i.text).toBeNull();
  });
});

describe('answerProblem', () => {
  it('refuses an item that does not exist and a value that is not an option', () => {
    expect(answerProblem(phq9, 'q10', 1)).toBe('This questionnaire has no question “q10”.');
    expect(answerProblem(phq9, 'q1', 4)).toBe('Choose one of the answers shown.');
    expect(answerProblem(phq9, 'q1', -1)).toBe('Choose one of the answers shown.');
    expect(answerProblem(gbo, 'goal1', 2.5)).toBe('Choose one of the answers shown.');
    expect(answerProblem(gbo, 'goal4', 5)).toMatch(/no question/);
    expect(answerProblem(phq9, 'q1', 3)).toBeNull();
    expect(answerProblem(gbo, 'goal3', 10)).toBeNull();
  });
  it('checks an item against its own options (PHQ-A yes/no questions)', () => {
    expect(answerProblem(phqa, 'q12', 1)).toBeNull();
    expect(answerProblem(phqa, 'q12', 2)).toBe('Choose one of the answers shown.');
    expect(answerProblem(phqa, 'q11', 3)).toBeNull();
  });
});

describe('PHQ-9', () => {
  it('scores a worked example: 1+2+0+3+1+2+0+1+0 = 10, moderate', () => {
    const r = scoreAnswers(phq9, qs([1, 2, 0, 3, 1, 2, 0, 1, 0]));
    expect(r.scores).toEqual([
      {
        id: 'total',
        label: 'Depression (total)',
        value: 10,
        band: 'Moderate',
        clinical: true,
        answered: 9,
        of: 9,
        prorated: false,
      },
    ]);
    expect(r).toMatchObject({ complete: true, scorable: true, riskItems: [] });
  });
  it.each([
    [0, 'Minimal', false],
    [4, 'Minimal', false],
    [5, 'Mild', false],
    [9, 'Mild', false],
    [10, 'Moderate', true],
    [14, 'Moderate', true],
    [15, 'Moderately severe', true],
    [19, 'Moderately severe', true],
    [20, 'Severe', true],
    [27, 'Severe', true],
  ])('a total of %i is %s', (total, band, clinical) => {
    for (const m of [phq9, phqa]) {
      expect(score(m, qs(summing(9, 3, total)), 'total')).toMatchObject({ value: total, band, clinical });
    }
  });
  it('treats any answer above "not at all" on item 9 as a risk', () => {
    expect(scoreAnswers(phq9, qs([0, 0, 0, 0, 0, 0, 0, 0, 1])).riskItems).toEqual(['q9']);
    expect(scoreAnswers(phq9, qs([0, 0, 0, 0, 0, 0, 0, 0, 3])).riskItems).toEqual(['q9']);
    expect(scoreAnswers(phq9, qs([3, 3, 3, 3, 3, 3, 3, 3, 0])).riskItems).toEqual([]);
  });
  it('refuses a total with an answer missing (every item is required)', () => {
    const r = scoreAnswers(phq9, qs([1, 2, 0, 3, 1, 2, 0, 1, null]));
    expect(r.scores[0]).toMatchObject({ value: null, band: null, clinical: null, answered: 8, of: 9 });
    expect(r).toMatchObject({ complete: false, scorable: false });
  });
  it('ignores answers that are not options', () => {
    expect(score(phq9, { ...qs([1, 1, 1, 1, 1, 1, 1, 1, 1]), q1: 7 }, 'total').value).toBeNull();
  });
  it('counts a fall of 6 as reliable improvement and 5 as no reliable change, with recovery at 10', () => {
    const total = def(phq9, 'total');
    expect(compareScores(total, 16, 10)).toMatchObject({
      difference: -6,
      outcome: 'reliable_improvement',
      recovered: false,
    });
    expect(compareScores(total, 16, 11).outcome).toBe('no_reliable_change');
    expect(compareScores(total, 10, 16).outcome).toBe('reliable_deterioration');
    expect(compareScores(total, 10, 9)).toMatchObject({
      recovered: true,
      beforeBand: 'Moderate',
      afterBand: 'Mild',
      reason: null,
    });
    expect(compareScores(total, 9, 3).recovered).toBe(false);
    expect(compareScores(total, 11, 10).recovered).toBe(false);
  });
});

describe('PHQ-A', () => {
  it('puts the adult items 1 and 2 the other way round and keeps item 9', () => {
    expect(phqa.items[0]!.text).toMatch(/down, depressed, irritable/);
    expect(phqa.items[1]!.text).toMatch(/^Little interest/);
    expect(phqa.items[8]).toMatchObject({ id: 'q9', riskAt: 1 });
  });
  it('scores the nine items only; the extra questions are asked but unscored', () => {
    const r = scoreAnswers(phqa, qs([2, 1, 1, 0, 1, 1, 0, 0, 0, 1, 3, 0, 0]));
    expect(r.scores[0]).toMatchObject({ value: 6, band: 'Mild' });
    expect(r).toMatchObject({ complete: true, scorable: true, riskItems: [] });
    const partial = scoreAnswers(phqa, qs([2, 1, 1, 0, 1, 1, 0, 0, 0]));
    expect(partial).toMatchObject({ complete: false, scorable: true });
  });
  it('opens the urgent route on a "Yes" to either suicide question or on item 9', () => {
    const base = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
    expect(scoreAnswers(phqa, qs([...base, 1, 0])).riskItems).toEqual(['q12']);
    expect(scoreAnswers(phqa, qs([...base, 0, 1])).riskItems).toEqual(['q13']);
    expect(scoreAnswers(phqa, qs([0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 1, 1])).riskItems).toEqual(['q9', 'q12', 'q13']);
    expect(scoreAnswers(phqa, qs([...base, 0, 0])).riskItems).toEqual([]);
  });
});

describe('GAD-7', () => {
  it('scores a worked example: 2+1+1+0+3+2+1 = 10, moderate', () => {
    expect(score(gad7, qs([2, 1, 1, 0, 3, 2, 1]), 'total')).toMatchObject({
      value: 10,
      band: 'Moderate',
      clinical: true,
    });
  });
  it.each([
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
    [21, 'Severe'],
  ])('a total of %i is %s', (total, band) => {
    expect(score(gad7, qs(summing(7, 3, total)), 'total')).toMatchObject({ value: total, band });
  });
  it('refuses a total with an answer missing', () => {
    expect(scoreAnswers(gad7, qs([2, 1, 1, null, 3, 2, 1]))).toMatchObject({ scorable: false, complete: false });
  });
  it('counts a change of 4 as reliable and recovery across the caseness of 8', () => {
    const total = def(gad7, 'total');
    expect(compareScores(total, 12, 8).outcome).toBe('reliable_improvement');
    expect(compareScores(total, 12, 9).outcome).toBe('no_reliable_change');
    expect(compareScores(total, 8, 12).outcome).toBe('reliable_deterioration');
    expect(compareScores(total, 8, 7).recovered).toBe(true);
    expect(compareScores(total, 9, 8).recovered).toBe(false);
    expect(compareScores(total, 7, 3).recovered).toBe(false);
  });
});

describe('Me and My Feelings', () => {
  // A worked example from the public scoring code's own test: emotional 5, behavioural 10.
  const example = qs([0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0]);
  it('scores the two subscales, reversing "I am calm"', () => {
    const r = scoreAnswers(mamf, example);
    expect(r.scores.map((s) => [s.id, s.value, s.band, s.clinical])).toEqual([
      ['emotional', 5, 'Expected', false],
      ['behavioural', 10, 'Clinically significant', true],
    ]);
    expect(r).toMatchObject({ complete: true, scorable: true, riskItems: [] });
  });
  it('scores "I am calm" as 2 - answer', () => {
    expect(mamf.items.find((i) => i.id === 'q15')).toMatchObject({ text: 'I am calm', reverse: true });
    const calm = (v: number) =>
      score(mamf, { ...example, q11: 0, q12: 0, q13: 0, q14: 0, q15: v, q16: 0 }, 'behavioural');
    expect([calm(0).value, calm(1).value, calm(2).value]).toEqual([2, 1, 0]);
  });
  it('prorates up to 3 missing emotional answers (6 from 7 answered -> 6 x 10 / 7 = 8.57 -> 9)', () => {
    const r = score(mamf, qs([null, null, null, 1, 0, 1, 2, 0, 0, 2]), 'emotional');
    expect(r).toMatchObject({ value: 9, band: 'Expected', answered: 7, of: 10, prorated: true });
    const refused = scoreAnswers(mamf, { ...example, q1: undefined as never, q2: NaN, q3: 3.5, q4: -1 });
    expect(refused.scores[0]).toMatchObject({ value: null, answered: 6 });
    expect(refused.scorable).toBe(false);
  });
  it('prorates up to 2 missing behavioural answers and refuses 3', () => {
    const two = { ...example, q13: 0, q14: 0, q15: 0, q16: 2 };
    delete (two as Record<string, number>).q11;
    delete (two as Record<string, number>).q12;
    expect(score(mamf, two, 'behavioural')).toMatchObject({
      value: 6,
      band: 'Borderline',
      prorated: true,
      answered: 4,
    });
    delete (two as Record<string, number>).q16;
    expect(score(mamf, two, 'behavioural')).toMatchObject({ value: null, band: null, answered: 3 });
  });
  it.each([
    ['emotional', 0, 'Expected'],
    ['emotional', 9, 'Expected'],
    ['emotional', 10, 'Borderline'],
    ['emotional', 11, 'Borderline'],
    ['emotional', 12, 'Clinically significant'],
    ['emotional', 20, 'Clinically significant'],
    ['behavioural', 5, 'Expected'],
    ['behavioural', 6, 'Borderline'],
    ['behavioural', 7, 'Clinically significant'],
    ['behavioural', 12, 'Clinically significant'],
  ])('%s %i is %s', (id, total, band) => {
    const values =
      id === 'emotional'
        ? [...summing(10, 2, total), 0, 0, 0, 0, 2, 0]
        : [...Array<number>(10).fill(0), ...summing(6, 2, total)];
    // Behavioural item 15 is reversed: answer 2 - value to score the value shown.
    if (id === 'behavioural') values[14] = 2 - values[14]!;
    expect(score(mamf, qs(values), id)).toMatchObject({ value: total, band });
  });
  it('shows no reliable-change outcome, with the reason, but does show band movement and recovery', () => {
    const emotional = def(mamf, 'emotional');
    const c = compareScores(emotional, 12, 4);
    expect(c).toMatchObject({
      outcome: null,
      beforeBand: 'Clinically significant',
      afterBand: 'Expected',
      recovered: true,
    });
    expect(c.reason).toBe(emotional.noReliableChangeReason);
    expect(c.reason).toMatch(/no reliable-change figure/i);
    expect(compareScores(emotional, 12, 11).recovered).toBe(true);
    expect(compareScores(emotional, 13, 12).recovered).toBe(false);
    expect(compareScores(def(mamf, 'behavioural'), 7, 6).recovered).toBe(true);
  });
});

describe('Stirling Children’s Wellbeing Scale', () => {
  const all = (v: number, sd = 5) => qs(Array.from({ length: 15 }, (_, i) => ([2, 7, 13].includes(i + 1) ? sd : v)));
  it('scores 12 items (12..60) in two subscales of 6; the social-desirability items count for nothing', () => {
    const r = scoreAnswers(scwbs, { ...all(3), q1: 5, q9: 1 });
    expect(r.scores.map((s) => [s.id, s.value])).toEqual([
      ['total', 36],
      ['emotional_state', 16],
      ['outlook', 20],
    ]);
    expect(score(scwbs, all(3, 1), 'total').value).toBe(36);
    expect(score(scwbs, all(1), 'total')).toMatchObject({ value: 12, band: 'No published bands', clinical: false });
    expect(score(scwbs, all(5), 'total').value).toBe(60);
  });
  it('ships no item wording and carries its licence note', () => {
    expect(scwbs.items.every((i) => i.text === null)).toBe(true);
    expect(scwbs.licence).toMatchObject({ itemTextShipped: false });
    expect(scwbs.licence.note).toMatch(/not altered.*no cost/);
  });
  it('needs every scored answer; a missing social-desirability answer only makes it incomplete', () => {
    const missingScored = { ...all(3) };
    delete (missingScored as Record<string, number>).q4;
    expect(scoreAnswers(scwbs, missingScored)).toMatchObject({ scorable: false, complete: false });
    const missingCheck = { ...all(3) };
    delete (missingCheck as Record<string, number>).q7;
    expect(scoreAnswers(scwbs, missingCheck)).toMatchObject({ scorable: true, complete: false });
  });
  it('gives no reliable-change outcome and no recovery (no published figures or bands)', () => {
    const c = compareScores(def(scwbs, 'total'), 30, 50);
    expect(c).toMatchObject({ difference: 20, outcome: null, recovered: false });
    expect(c.reason).toMatch(/no reliable-change figure/i);
  });
});

describe('Goal Based Outcomes', () => {
  it('asks for up to three goals rated 0..10', () => {
    expect(gbo.goals).toEqual({ max: 3 });
    expect(gbo.scale.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it('scores each goal set and the mean; a goal not set is not scored and does not block scoring', () => {
    const r = scoreAnswers(gbo, { goal1: 3, goal2: 6 });
    expect(r.scores.map((s) => [s.id, s.value, s.answered])).toEqual([
      ['goal1', 3, 1],
      ['goal2', 6, 1],
      ['goal3', null, 0],
      ['overall', 4.5, 2],
    ]);
    expect(r).toMatchObject({ scorable: true, complete: false, riskItems: [] });
    expect(score(gbo, { goal1: 3, goal2: 4, goal3: 4 }, 'overall')).toMatchObject({ value: 3.7, prorated: false });
  });
  it('cannot be scored with no goal rated', () => {
    const r = scoreAnswers(gbo, {});
    expect(r.scorable).toBe(false);
    expect(r.scores.at(-1)!.value).toBeNull();
  });
  it('counts a change of 2.45 or more on a goal as reliable, upwards being better', () => {
    const goal = def(gbo, 'goal1');
    expect(compareScores(goal, 3, 6).outcome).toBe('reliable_improvement');
    expect(compareScores(goal, 6, 3).outcome).toBe('reliable_deterioration');
    expect(compareScores(goal, 3, 5).outcome).toBe('no_reliable_change');
    // Exactly at the threshold despite floating point (5.3 - 2.85 = 2.4499999999999997 in JavaScript).
    expect(compareScores(goal, 2.85, 5.3)).toMatchObject({ difference: 2.45, outcome: 'reliable_improvement' });
    expect(compareScores(goal, 6.1, 3.65)).toMatchObject({ difference: -2.45, outcome: 'reliable_deterioration' });
    expect(compareScores(goal, 2.85, 5.29).outcome).toBe('no_reliable_change');
    expect(compareScores(def(gbo, 'overall'), 2, 8)).toMatchObject({ outcome: null, recovered: false });
  });
});

describe('scoring in general', () => {
  it('never counts an unscored item, even if a score names it', () => {
    const odd: MeasureDefinition = {
      ...phq9,
      items: [...phq9.items, { id: 'q10', text: 'Extra', unscored: true }],
      scores: [{ ...def(phq9, 'total'), items: [...def(phq9, 'total').items, 'q10'] }],
    };
    expect(score(odd, qs([1, 1, 1, 1, 1, 1, 1, 1, 1, 3]), 'total')).toMatchObject({ value: 9, answered: 9, of: 9 });
  });
});

describe('reliable change and recovery in general', () => {
  it('computes the threshold as 1.96 x SD x sqrt 2 x sqrt(1 - reliability)', () => {
    // 1.96 x 5 x 1.41421 x 0.44721 = 6.1981
    expect(reliableChangeThreshold(5, 0.8)).toBeCloseTo(6.1981, 4);
    // 1.96 x 10 x 1.41421 x 0.5 = 13.8593
    expect(reliableChangeThreshold(10, 0.75)).toBeCloseTo(13.8593, 4);
    expect(reliableChangeThreshold(7, 1)).toBe(0);
  });
  it('takes direction into account for recovery when higher is better', () => {
    const wellbeing: ScoreDefinition = {
      id: 'w',
      label: 'Wellbeing',
      items: [],
      combine: 'sum',
      min: 0,
      max: 60,
      higherIsBetter: true,
      bands: [],
      clinicalThreshold: 40,
      missing: { kind: 'all_required' },
      reliableChange: { threshold: reliableChangeThreshold(5, 0.8), sd: 5, reliability: 0.8, source: 'test' },
    };
    expect(compareScores(wellbeing, 40, 41)).toMatchObject({ recovered: true, outcome: 'no_reliable_change' });
    expect(compareScores(wellbeing, 41, 50).recovered).toBe(false);
    expect(compareScores(wellbeing, 30, 40).recovered).toBe(false);
    expect(compareScores(wellbeing, 30, 37).outcome).toBe('reliable_improvement');
    expect(compareScores(wellbeing, 37, 30).outcome).toBe('reliable_deterioration');
    expect(compareScores(wellbeing, 30, 36).outcome).toBe('no_reliable_change');
  });
});
