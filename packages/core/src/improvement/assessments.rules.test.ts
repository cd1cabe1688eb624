import { describe, expect, it } from 'vitest';
import { areasOf } from './areas';
import { STATEMENTS, statementsOf, statementsOfArea } from './frameworks';
import { areaRating, ratedProgress, ratingCounts } from './assessments.rules';

describe("an area's rating", () => {
  it('is the median of its rated statements, rounded down', () => {
    expect(areaRating([])).toBeNull();
    expect(areaRating([null, null])).toBeNull();
    expect(areaRating(['embedded'])).toBe('embedded');
    expect(areaRating(['not_in_place', 'emerging', 'embedded'])).toBe('emerging');
    expect(areaRating(['emerging', 'established'])).toBe('emerging');
    expect(areaRating(['not_in_place', 'embedded'])).toBe('emerging');
    expect(areaRating(['established', 'embedded', null])).toBe('established');
    expect(areaRating(['embedded', 'not_in_place', 'embedded', 'established'])).toBe('established');
  });

  it('counts each rating and the statements not rated', () => {
    expect(ratingCounts(['emerging', null, 'emerging', 'embedded'])).toEqual({
      not_in_place: 0,
      emerging: 2,
      established: 0,
      embedded: 1,
      unrated: 1,
    });
    expect(ratedProgress(31, 48)).toBe('31 of 48 statements rated');
  });
});

describe('the frameworks', () => {
  it('gives every statement a unique key "<area>.<n>" numbered from 1 within its area', () => {
    expect(new Set(STATEMENTS.map((s) => s.key)).size).toBe(STATEMENTS.length);
    for (const s of STATEMENTS) {
      const n = statementsOfArea(s.areaKey).indexOf(s) + 1;
      expect(s.key).toBe(`${s.areaKey}.${String(n)}`);
      expect(s.text).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('has the county key areas with their principles, and 3 to 5 statements for each of the eight principles', () => {
    expect(areasOf('county').map((a) => statementsOfArea(a.key).length)).toEqual([7, 6, 8, 9, 7, 4, 7]);
    expect(statementsOf('county')).toHaveLength(48);
    expect(areasOf('principles')).toHaveLength(8);
    for (const a of areasOf('principles')) {
      expect(statementsOfArea(a.key).length).toBeGreaterThanOrEqual(3);
      expect(statementsOfArea(a.key).length).toBeLessThanOrEqual(5);
    }
    // No place names: the framework is written in general terms.
    expect(JSON.stringify(STATEMENTS)).not.toMatch(/derby|county council/i);
  });
});
