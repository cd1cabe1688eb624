/**
 * A check of a published trust table, as a viewer who knows the small-number rule would attack it:
 * used by tests to prove that no hidden cell can be worked out from the totals shown.
 */
import type { CellValue } from './figure';
import type { TrustFigure } from './reports.schemas';

/**
 * The least and most each hidden cell could hold, to a viewer who knows the rule (a "fewer than 5"
 * cell holds 1..4, a complementary one 5 or more) and works along every shown total (each school's
 * "Total", each column's trust row), tightening the bounds until nothing changes.
 */
export function hiddenBounds(t: TrustFigure): Map<string, { lo: number; hi: number; small: boolean }> {
  const countCols = t.columns.flatMap((c, i) => (c.unit === 'count' && !c.key.startsWith('total:') ? [i] : []));
  const totalCol = t.columns.findIndex((c) => c.key.startsWith('total:'));
  const schoolRows = t.rows.slice(0, -1);
  const trustRow = t.rows.at(-1)!;
  const bounds = new Map<string, { lo: number; hi: number; small: boolean }>();
  schoolRows.forEach((row, r) =>
    countCols.forEach((c) => {
      const v = row.values[c];
      if (v !== null && typeof v === 'object') {
        const small = v.hidden === 'small';
        bounds.set(`${r}|${c}`, { lo: small ? 1 : 5, hi: small ? 4 : 1e9, small });
      }
    }),
  );
  const lines: { total: number; cells: string[] }[] = [];
  const lineOf = (total: CellValue | undefined, cells: { r: number; c: number }[]) => {
    if (typeof total !== 'number') return;
    let rest = total;
    const hidden: string[] = [];
    for (const { r, c } of cells) {
      const v = schoolRows[r]!.values[c];
      if (typeof v === 'number') rest -= v;
      else if (v !== null) hidden.push(`${r}|${c}`);
    }
    lines.push({ total: rest, cells: hidden });
  };
  if (totalCol >= 0)
    schoolRows.forEach((row, r) =>
      lineOf(
        row.values[totalCol],
        countCols.map((c) => ({ r, c })),
      ),
    );
  for (const c of countCols)
    lineOf(
      trustRow.values[c],
      schoolRows.map((_, r) => ({ r, c })),
    );
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      for (const k of line.cells) {
        const b = bounds.get(k)!;
        const others = line.cells.filter((x) => x !== k).map((x) => bounds.get(x)!);
        const lo = Math.max(b.lo, line.total - others.reduce((a, o) => a + o.hi, 0));
        const hi = Math.min(b.hi, line.total - others.reduce((a, o) => a + o.lo, 0));
        if (lo !== b.lo || hi !== b.hi) {
          bounds.set(k, { ...b, lo, hi });
          changed = true;
        }
      }
    }
  }
  return bounds;
}
