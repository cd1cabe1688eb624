import { describe, expect, it } from 'vitest';
import { MIN_GROUP_SIZE, isShowable, suppressCounts, type Shown, type Suppressed } from './small-numbers';

const get = (r: Suppressed, k: string): Shown => {
  const c = r.cells[k];
  if (!c) throw new Error(`no cell ${k}`);
  return c;
};
const why = (c: Shown) => (c.shown ? null : c.reason);

const line = (counts: Record<string, number>) => {
  const cells = Object.entries(counts).map(([key, count]) => ({ key, count }));
  return suppressCounts(cells, [{ key: 'all', cells: cells.map((c) => c.key) }]);
};

describe('small-number suppression', () => {
  it('keeps the threshold at five', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect([0, 1, 4, 5].map(isShowable)).toEqual([true, false, false, true]);
  });

  it('hides a group of 1 to 4 and shows groups of 5 or more when no total is shown', () => {
    const r = suppressCounts([
      { key: 'a', count: 4 },
      { key: 'b', count: 5 },
      { key: 'c', count: 1 },
    ]);
    expect(r.cells.a).toEqual({ shown: false, reason: 'small' });
    expect(r.cells.b).toEqual({ shown: true, count: 5 });
    expect(r.cells.c).toEqual({ shown: false, reason: 'small' });
  });

  it('shows zero cells as 0: a zero names nobody', () => {
    const r = line({ a: 0, b: 7, c: 9 });
    expect(r.cells.a).toEqual({ shown: true, count: 0 });
    expect(r.totals.all).toEqual({ shown: true, count: 16 });
  });

  it('differencing: a lone small cell beside a shown total hides the next smallest cell too', () => {
    // leadership 6, teaching 20, support 4: total 30 minus 6 and 20 would give support's 4.
    const r = line({ leadership: 6, teaching: 20, support: 4 });
    expect(r.cells.support).toEqual({ shown: false, reason: 'small' });
    expect(r.cells.leadership).toEqual({ shown: false, reason: 'complementary' });
    expect(r.cells.teaching).toEqual({ shown: true, count: 20 });
    expect(r.totals.all).toEqual({ shown: true, count: 30 });
  });

  it('differencing: no hidden small cell can be worked out from what is shown', () => {
    // Brute force: for every line of three cells up to 12, a viewer who knows the rule (hidden
    // "small" cells hold 1..4, complementary ones at least 5) must not narrow a small cell down.
    for (let a = 0; a <= 12; a++)
      for (let b = 0; b <= 12; b++)
        for (let c = 0; c <= 12; c++) {
          const counts = { a, b, c };
          const r = line(counts);
          if (!r.totals.all?.shown) continue;
          const keys = ['a', 'b', 'c'] as const;
          for (const k of keys) {
            if (why(get(r, k)) !== 'small') continue;
            // Every value 1..4 for this cell must fit some assignment of the other hidden cells.
            for (let v = 1; v < MIN_GROUP_SIZE; v++) {
              const others = keys.filter((o) => o !== k && !get(r, o).shown);
              const shownSum = keys.reduce((s, o) => s + (get(r, o).shown ? counts[o] : 0), 0);
              const rest = r.totals.all.count - shownSum - v;
              const min = others.reduce((s, o) => s + (why(get(r, o)) === 'small' ? 1 : MIN_GROUP_SIZE), 0);
              const bounded = others.every((o) => why(get(r, o)) === 'small');
              const max = bounded ? others.length * (MIN_GROUP_SIZE - 1) : Infinity;
              expect(rest >= min && rest <= max, `${a},${b},${c}: cell ${k} could not be ${v}`).toBe(true);
            }
          }
        }
  });

  it('two small cells that add to five protect each other', () => {
    const r = line({ a: 2, b: 3, c: 10 });
    expect(r.cells.c).toEqual({ shown: true, count: 10 });
    expect(get(r, 'a').shown).toBe(false);
    expect(get(r, 'b').shown).toBe(false);
  });

  it('two small cells of 4 would be worked out (4 + 4 = 8), so a complement is hidden', () => {
    const r = line({ a: 4, b: 4, c: 10 });
    expect(r.cells.c).toEqual({ shown: false, reason: 'complementary' });
  });

  it('hides the total when nothing else can protect a small cell', () => {
    const r = line({ a: 3, b: 0, c: 0 });
    expect(r.totals.all).toEqual({ shown: false, reason: 'small' });
    const r2 = line({ a: 1, b: 5 });
    expect(r2.cells.b).toEqual({ shown: false, reason: 'complementary' });
    expect(r2.totals.all).toEqual({ shown: false, reason: 'complementary' });
  });

  it('works across the rows and columns of a table', () => {
    // Two rows (x, y) by two columns (p, q), with row and column totals.
    const cells = [
      { key: 'xp', count: 3 },
      { key: 'xq', count: 10 },
      { key: 'yp', count: 8 },
      { key: 'yq', count: 12 },
    ];
    const r = suppressCounts(cells, [
      { key: 'x', cells: ['xp', 'xq'] },
      { key: 'y', cells: ['yp', 'yq'] },
      { key: 'p', cells: ['xp', 'yp'] },
      { key: 'q', cells: ['xq', 'yq'] },
    ]);
    expect(get(r, 'xp').shown).toBe(false);
    // Row x and column p each hide a complement; row y would then give yp away, and with it xp,
    // so it hides yq too. Every total is still shown and xp could be any of 1..4.
    expect(get(r, 'xq').shown).toBe(false);
    expect(get(r, 'yp').shown).toBe(false);
    expect(get(r, 'yq').shown).toBe(false);
    expect(Object.values(r.totals).every((t) => t.shown)).toBe(true);
  });
});
