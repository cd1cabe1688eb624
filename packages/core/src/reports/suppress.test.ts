import { describe, expect, it } from 'vitest';
import type { Figure } from './figure';
import { suppressFigure, trustFigure, type SchoolFigure } from './suppress';
import type { TrustFigure } from './reports.schemas';
import { hiddenBounds } from './disclosure-check';

function levelsFigure(counts: number[], total = counts.reduce((a, b) => a + b, 0)): Figure {
  const keys = ['none', 'MH1', 'MH2', 'MH3'];
  return {
    key: 'levels.now',
    section: 'levels',
    title: 'Pupils by level',
    description: 'Pupils on roll.',
    rowHeading: 'Level',
    columns: [
      { key: 'pupils', label: 'Pupils', unit: 'count', basis: null },
      { key: 'share', label: 'Share', unit: 'percent', basis: 'pupils' },
    ],
    rows: keys.slice(0, counts.length).map((k, i) => ({
      key: k,
      label: k,
      values: [counts[i]!, total > 0 ? counts[i]! / total : null],
      highlight: null,
    })),
    total: { key: 'all', label: 'All pupils', values: [total, 1], highlight: null },
    partition: true,
    chart: { kind: 'bar', columns: ['pupils'] },
    drillColumn: 'pupils',
    trustColumns: ['pupils'],
  };
}

function trustOf(tables: number[][]): TrustFigure {
  const schools: SchoolFigure[] = tables.map((counts, i) => ({
    schoolId: `00000000-0000-4000-8000-00000000000${i}`,
    schoolName: `School ${i}`,
    figure: levelsFigure(counts),
  }));
  const combined = levelsFigure(tables[0]!.map((_, c) => tables.reduce((a, t) => a + t[c]!, 0)));
  return trustFigure(schools, combined);
}

const isSmall = (v: TrustFigure['rows'][number]['values'][number] | undefined) =>
  typeof v === 'number' && v > 0 && v < 5;

describe('suppression of a trust figure', () => {
  const cases: number[][][] = [
    [
      [50, 3, 20, 9],
      [40, 12, 2, 6],
      [70, 8, 11, 1],
    ],
    [
      [30, 2, 0, 0],
      [25, 0, 7, 0],
    ],
    [
      [12, 4, 6],
      [9, 5, 3],
      [20, 1, 0],
    ],
  ];

  it.each(cases)('shows no count from 1 to 4, anywhere (case %#)', (...tables) => {
    const t = trustOf(tables);
    for (const row of t.rows)
      row.values.forEach((v, i) => {
        if (t.columns[i]!.unit === 'count') expect(isSmall(v), `${row.label} ${t.columns[i]!.label}`).toBe(false);
      });
  });

  it.each(cases)('lets no hidden small cell be worked out from the row and column totals (case %#)', (...tables) => {
    const t = trustOf(tables);
    const bounds = hiddenBounds(t);
    expect(bounds.size).toBeGreaterThan(0);
    for (const [key, b] of bounds) {
      expect(b.lo, `cell ${key}: no consistent value`).toBeLessThanOrEqual(b.hi);
      if (b.small) expect(b.hi - b.lo, `cell ${key} could be worked out`).toBeGreaterThan(0);
    }
  });

  it('hides the second cell of a row whose total is shown (differencing)', () => {
    const t = trustOf([
      [50, 3, 20, 9],
      [40, 12, 8, 6],
    ]);
    const school0 = t.rows[0]!.values;
    expect(school0[1]).toEqual({ hidden: 'small' });
    // The smallest shown cell of 5 or more in that row is hidden too, so 3 cannot be had from 82 − 50 − 20 − 9.
    expect(school0[3]).toEqual({ hidden: 'complementary' });
    expect(school0[4]).toBe(82);
    // And in the MH1 column the other school's 12 is hidden, so the trust's 15 gives nothing away.
    expect(t.rows[1]!.values[1]).toEqual({ hidden: 'complementary' });
    expect(t.rows[2]!.values[1]).toBe(15);
  });

  it('hides a share worked out from a hidden count', () => {
    const f = suppressFigure(levelsFigure([50, 3, 20, 9]));
    expect(f.rows[1]!.values).toEqual([{ hidden: 'small' }, { hidden: 'small' }]);
    expect(f.rows[3]!.values).toEqual([{ hidden: 'complementary' }, { hidden: 'complementary' }]);
    expect(f.rows[0]!.values[0]).toBe(50);
    expect(f.drillColumn).toBeNull();
  });

  it('gives a school without a row zero for its counts, and names the trust row last', () => {
    const schools: SchoolFigure[] = [
      {
        schoolId: '00000000-0000-4000-8000-000000000001',
        schoolName: 'A',
        figure: levelsFigure([10, 6]),
      },
      {
        schoolId: '00000000-0000-4000-8000-000000000002',
        schoolName: 'B',
        figure: levelsFigure([8, 0, 7]),
      },
    ];
    const t = trustFigure(schools, levelsFigure([18, 6, 7]));
    expect(t.columns.map((c) => c.label)).toEqual(['none', 'MH1', 'MH2', 'Total']);
    expect(t.rows.map((r) => r.label)).toEqual(['A', 'B', 'Trust']);
    expect(t.rows[0]!.values).toEqual([10, 6, 0, 16]);
    expect(t.rows[2]!.values).toEqual([18, 6, 7, 31]);
  });
});
