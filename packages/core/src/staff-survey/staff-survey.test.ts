import { describe, expect, it } from 'vitest';
import { buildSurveyResults, type AnswerSums } from './staff-survey.results';
import { staffGroupOf } from './staff-survey.values';

describe('staff groups', () => {
  it('puts any leadership role first, then teachers, then everyone else on the staff', () => {
    expect(staffGroupOf(['teacher', 'pastoral_lead'])).toBe('leadership');
    expect(staffGroupOf(['headteacher'])).toBe('leadership');
    expect(staffGroupOf(['teacher', 'first_aider'])).toBe('teaching');
    expect(staffGroupOf(['school_admin'])).toBe('support');
    expect(staffGroupOf(['intervention_staff'])).toBe('support');
    expect(staffGroupOf(['parent'])).toBeNull();
    expect(staffGroupOf(['trust_admin'])).toBeNull();
  });
});

describe('survey results', () => {
  const statements = [{ key: 'a', text: 'A' }];
  const sums = (rows: [AnswerSums['group'], number, number, number][]): AnswerSums[] =>
    rows.map(([group, n, agree, sum]) => ({ key: 'a', group, n, agree, sum }));

  it('hides a group of four, the group that would give it away, and its differences', () => {
    const r = buildSurveyResults({
      surveyId: '00000000-0000-4000-8000-000000000001',
      title: 'T',
      statements,
      participation: [
        { group: 'leadership', invited: 7, responded: 6 },
        { group: 'teaching', invited: 30, responded: 20 },
        { group: 'support', invited: 9, responded: 4 },
      ],
      // The query never returns sums for support (fewer than five).
      sums: sums([
        ['leadership', 6, 3, 20],
        ['teaching', 20, 10, 60],
        [null, 30, 14, 88],
      ]),
      previous: null,
      freeTextCount: 3,
    });
    const g = (name: string) => r.statements[0]?.groups.find((x) => x.group === name);
    expect(g('support')?.stat).toEqual({ shown: false, reason: 'small' });
    expect(g('leadership')?.stat).toEqual({ shown: false, reason: 'complementary' });
    expect(g('teaching')?.stat).toEqual({ shown: true, agreePercent: 50, mean: 3 });
    // Teaching against the other ten (leadership and support together): 50% against 40%.
    expect(g('teaching')?.vsRest).toEqual({ shown: true, agreePoints: 10, mean: expect.any(Number) as number });
    expect(r.statements[0]?.overall).toEqual({ shown: true, agreePercent: 47, mean: 2.9 });
  });

  it('suppresses a difference when the rest of the staff are fewer than five', () => {
    const r = buildSurveyResults({
      surveyId: '00000000-0000-4000-8000-000000000001',
      title: 'T',
      statements,
      participation: [
        { group: 'leadership', invited: 7, responded: 0 },
        { group: 'teaching', invited: 30, responded: 9 },
      ],
      sums: sums([
        ['teaching', 9, 3, 27],
        [null, 9, 3, 27],
      ]),
      previous: null,
      freeTextCount: 0,
    });
    const t = r.statements[0]?.groups.find((x) => x.group === 'teaching');
    expect(t?.vsRest).toEqual({ shown: false, reason: 'rest_small' });
    expect(r.statements[0]?.groups.find((x) => x.group === 'leadership')?.stat).toEqual({
      shown: false,
      reason: 'no_responses',
    });
  });

  it('shows nothing overall under five', () => {
    const r = buildSurveyResults({
      surveyId: '00000000-0000-4000-8000-000000000001',
      title: 'T',
      statements,
      participation: [{ group: 'teaching', invited: 30, responded: 3 }],
      sums: [],
      previous: null,
      freeTextCount: 2,
    });
    expect(r.statements[0]?.overall.shown).toBe(false);
    expect(r.participation.overall.responded).toEqual({ shown: false, reason: 'small' });
    expect(r.freeTextAvailable).toBe(false);
  });
});
