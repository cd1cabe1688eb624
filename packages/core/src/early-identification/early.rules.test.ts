import { describe, expect, it } from 'vitest';
import { checkEarlyRuleParams, describeEarlyRule, earlyRuleFires, earlySettings } from './early.rules';
import type { EarlyRuleSetting } from './early.values';

const attendance = (points = 10, weeks = 4): EarlyRuleSetting => ({
  kind: 'attendance_drop',
  enabled: true,
  params: { points, weeks },
});
const att = (recent: [number, number], before: [number, number], recentWeeks = 4) => ({
  recentAttended: recent[0],
  recentPossible: recent[1],
  recentWeeks,
  baselineAttended: before[0],
  baselinePossible: before[1],
  baselineTerm: 'Autumn term 2026',
});

describe('attendance falling', () => {
  it('fires at exactly 10 points down, with the figures in words', () => {
    // 90% before (108/120), 80% now (32/40).
    const r = earlyRuleFires(attendance(), att([32, 40], [108, 120]));
    expect(r.fired).toBe(true);
    expect(r.because).toBe('Attendance 80% over the last 4 weeks, down 10 points on 90% in the Autumn term 2026.');
  });

  it('does not fire at 9.9 points down', () => {
    // 90% before, 80.1% now (801/1000).
    expect(earlyRuleFires(attendance(), att([801, 1000], [900, 1000])).fired).toBe(false);
  });

  it('fires further down, and never for a rise', () => {
    expect(earlyRuleFires(attendance(), att([31, 40], [110, 120])).fired).toBe(true);
    const up = earlyRuleFires(attendance(), att([40, 40], [100, 120]));
    expect(up.fired).toBe(false);
    expect(up.because).toContain('up 16.7 points on 83.3%');
  });

  it('does not judge from fewer than 10 possible sessions recently or in the term before', () => {
    const few = earlyRuleFires(attendance(), att([0, 9], [120, 120], 1));
    expect(few.fired).toBe(false);
    expect(few.because).toMatch(/Too few sessions recorded recently/);
    expect(earlyRuleFires(attendance(), att([5, 10], [120, 120], 1)).fired).toBe(true);
    const noBaseline = earlyRuleFires(attendance(), att([0, 40], [0, 0]));
    expect(noBaseline.fired).toBe(false);
    expect(noBaseline.because).toMatch(/Too few sessions recorded in the Autumn term 2026/);
  });

  it('follows the school’s points', () => {
    expect(earlyRuleFires(attendance(15), att([32, 40], [108, 120])).fired).toBe(false);
    expect(earlyRuleFires(attendance(5), att([34, 40], [108, 120])).fired).toBe(true);
  });
});

describe('several concerns', () => {
  const rule = (count = 3): EarlyRuleSetting => ({
    kind: 'concerns_count',
    enabled: true,
    params: { count, weeks: 6 },
  });
  it('3 concerns fire, 2 do not', () => {
    expect(earlyRuleFires(rule(), { count: 3 })).toEqual({
      fired: true,
      because: '3 concerns logged in the last 6 weeks.',
    });
    expect(earlyRuleFires(rule(), { count: 2 }).fired).toBe(false);
    expect(earlyRuleFires(rule(4), { count: 3 }).fired).toBe(false);
  });
  it('a disabled rule never fires', () => {
    expect(earlyRuleFires({ ...rule(), enabled: false }, { count: 9 }).fired).toBe(false);
  });
});

describe('questionnaire score moving into the clinical range', () => {
  const rule: EarlyRuleSetting = { kind: 'score_clinical', enabled: true, params: { weeks: 6 } };
  const score = (over: Record<string, number | string | null> = {}) => ({
    measure: 'PHQ-A',
    score: 'Total',
    value: 15,
    band: 'Moderately severe',
    daysAgo: 3,
    clinical: 1,
    previousValue: 8,
    previousBand: 'Mild',
    previousClinical: 0,
    ...over,
  });
  it('fires for a move into the range within the weeks', () => {
    const r = earlyRuleFires(rule, score());
    expect(r.fired).toBe(true);
    expect(r.because).toBe('PHQ-A score 15 (Moderately severe) 3 days ago, in the clinical range; 8 (Mild) before.');
    expect(earlyRuleFires(rule, score({ daysAgo: 42 })).fired).toBe(true);
  });
  it('does not fire when the score was already clinical before, or for a first score', () => {
    expect(earlyRuleFires(rule, score({ previousClinical: 1 })).fired).toBe(false);
    expect(earlyRuleFires(rule, score({ previousClinical: null, previousValue: null })).fired).toBe(false);
  });
  it('does not fire outside the weeks or outside the range', () => {
    expect(earlyRuleFires(rule, score({ daysAgo: 43 })).fired).toBe(false);
    expect(earlyRuleFires(rule, score({ clinical: 0 })).fired).toBe(false);
  });
});

describe('check-ins trending down', () => {
  const rule: EarlyRuleSetting = { kind: 'checkins_down', enabled: true, params: { weeks: 4, drop: 1 } };
  it('fires at exactly the drop, not below it', () => {
    const r = earlyRuleFires(rule, { recentCount: 4, recentMean: 2.5, earlierCount: 4, earlierMean: 3.5 });
    expect(r.fired).toBe(true);
    expect(r.because).toBe(
      'Check-ins averaged 2.5 out of 5 over the last 4 weeks (4 check-ins), down 1 on 3.5 in the 4 weeks before.',
    );
    expect(earlyRuleFires(rule, { recentCount: 4, recentMean: 2.6, earlierCount: 4, earlierMean: 3.5 }).fired).toBe(
      false,
    );
  });
  it('needs at least 3 check-ins in each window', () => {
    const few = { recentCount: 2, recentMean: 1, earlierCount: 5, earlierMean: 5 };
    expect(earlyRuleFires(rule, few).fired).toBe(false);
    expect(earlyRuleFires(rule, { ...few, recentCount: 5, earlierCount: 2 }).fired).toBe(false);
    expect(earlyRuleFires(rule, { ...few, recentCount: 3, earlierCount: 3 }).fired).toBe(true);
  });
});

describe('settings', () => {
  it('accepts the bounds and refuses beyond them with clear messages', () => {
    expect(checkEarlyRuleParams('attendance_drop', { points: 1, weeks: 12 })).toEqual([]);
    expect(checkEarlyRuleParams('attendance_drop', { points: 50, weeks: 1 })).toEqual([]);
    expect(checkEarlyRuleParams('attendance_drop', { points: 51, weeks: 0 })).toEqual([
      { path: 'params.points', message: 'Enter a whole number of percentage points from 1 to 50' },
      { path: 'params.weeks', message: 'Enter a whole number of weeks from 1 to 12' },
    ]);
    expect(checkEarlyRuleParams('concerns_count', { count: 2.5, weeks: 6 })[0]?.path).toBe('params.count');
    expect(checkEarlyRuleParams('concerns_count', { count: 21, weeks: 6 })).toHaveLength(1);
    expect(checkEarlyRuleParams('checkins_down', { weeks: 4, drop: 0.5 })).toEqual([]);
    expect(checkEarlyRuleParams('checkins_down', { weeks: 4, drop: 4 })).toEqual([]);
    expect(checkEarlyRuleParams('checkins_down', { weeks: 4, drop: 0.4 })).toEqual([
      {
        path: 'params.drop',
        message: 'Enter a number of points on the 1 to 5 mood scale from 0.5 to 4 in steps of 0.5',
      },
    ]);
    expect(checkEarlyRuleParams('score_clinical', { weeks: 6, extra: 1 })).toEqual([
      { path: 'params.extra', message: 'Questionnaire score in the clinical range has no setting “extra”' },
    ]);
    expect(checkEarlyRuleParams('score_clinical', {})).toHaveLength(1);
  });

  it('runs every rule at its defaults unless the school changed it', () => {
    const s = earlySettings([{ kind: 'concerns_count', enabled: false, params: { count: 4, weeks: 6 } }]);
    expect(s.map((r) => r.kind)).toEqual(['attendance_drop', 'concerns_count', 'score_clinical', 'checkins_down']);
    expect(s[1]).toEqual({ kind: 'concerns_count', enabled: false, params: { count: 4, weeks: 6 } });
    expect(s[0]).toEqual({ kind: 'attendance_drop', enabled: true, params: { points: 10, weeks: 4 } });
    expect(describeEarlyRule(s[1]!)).toBe('4 concerns or more logged in the last 6 weeks.');
  });
});
