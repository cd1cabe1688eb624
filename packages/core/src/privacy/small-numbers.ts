/**
 * Small-number suppression: the ONE rule Tandem uses wherever a count (or a figure worked out from
 * a group of people) could let someone pick out a person. Used by the staff wellbeing survey now,
 * and by reports across schools later.
 *
 * The rule, for a table of cells, each a count of people, and the totals shown beside them:
 *  1. Primary suppression: a cell counting 1 to MIN_GROUP_SIZE - 1 people is not shown; it says
 *     only "fewer than 5".
 *  2. Zero cells are shown as 0. A zero names nobody, and hiding it would make every other zero
 *     look suspicious. A zero is never used to protect another cell (see 3): a viewer who knows
 *     the rule would know a hidden complement of a small remainder could only be that zero.
 *  3. Secondary (complementary) suppression, against differencing: where a total is shown, the
 *     hidden cells of that total must not be worked out from it and the cells still shown. We
 *     assume the viewer knows the rule: a "fewer than 5" cell holds 1..4, a complementary hidden
 *     cell holds at least 5. A total's hidden cells are safe when every "fewer than 5" cell in it
 *     could still be any of 1..4 given the remainder (total minus shown cells). While a total is
 *     not safe, its smallest shown cell of at least 5 is hidden too; when none is left, the total
 *     itself is hidden.
 *     A total with exactly one hidden cell is never safe, even a complementary one: working it out
 *     would undo the protection it gives in another row or column.
 *  4. Tables with several totals (rows and columns) are made safe one total at a time, round and
 *     round until nothing changes. A hidden total is no longer a constraint the viewer can use.
 *     This is the usual row-and-column heuristic, not a full linear-programming audit: for the
 *     one-total lines the survey uses it is exact (tested by brute force); for bigger tables with
 *     many small cells, prefer fewer totals.
 */

/** The smallest group whose figures may be shown. */
export const MIN_GROUP_SIZE = 5;

/** Why a cell or total is hidden: too few people, or to stop a small one being worked out. */
export type SuppressionReason = 'small' | 'complementary';

export interface CountCell<K extends string = string> {
  key: K;
  count: number;
}

/** A total shown beside some cells: its key and the keys of the cells it adds up. */
export interface CountTotal<K extends string = string> {
  key: string;
  cells: readonly K[];
}

export type Shown = { shown: true; count: number } | { shown: false; reason: SuppressionReason };

export interface Suppressed<K extends string = string> {
  cells: Record<K, Shown>;
  totals: Record<string, Shown>;
}

/** Whether a group of this many people may have its figures shown on its own. */
export function isShowable(count: number): boolean {
  return count === 0 || count >= MIN_GROUP_SIZE;
}

/**
 * Whether the hidden cells of one shown total are safe: each "fewer than 5" cell could still be any
 * of 1..MIN-1 to a viewer who knows the total, the shown cells, and the rule.
 */
function totalIsSafe(values: readonly number[], reasons: readonly (SuppressionReason | null)[]): boolean {
  let remainder = 0;
  let small = 0;
  let complementary = 0;
  for (let i = 0; i < values.length; i++) {
    const r = reasons[i];
    if (r === null) continue;
    remainder += values[i] ?? 0;
    if (r === 'small') small++;
    else complementary++;
  }
  // One hidden cell beside a shown total is the total less the shown cells, whatever it holds; a
  // complementary cell worked out that way would give away the small cell it protects elsewhere.
  if (small + complementary === 1) return false;
  if (small === 0) return true;
  const most = MIN_GROUP_SIZE - 1;
  // The most one "fewer than 5" cell could be: the remainder less the least the others hold.
  const upper = remainder - (small - 1) - MIN_GROUP_SIZE * complementary;
  // The least it could be: the remainder less the most the others could hold (unbounded if a
  // complementary cell, which has no upper bound the viewer knows, is among them).
  const lower = complementary > 0 ? 1 : remainder - (small - 1) * most;
  return upper >= most && lower <= 1;
}

/**
 * Suppress a table of counts (see the rule above). Cells and totals not listed in `totals` are
 * treated as having no total shown. A total's own count is the sum of its cells.
 */
export function suppressCounts<K extends string>(
  cells: readonly CountCell<K>[],
  totals: readonly CountTotal<K>[] = [],
): Suppressed<K> {
  const value = new Map<K, number>(cells.map((c) => [c.key, c.count]));
  const reason = new Map<K, SuppressionReason | null>(
    cells.map((c) => [c.key, c.count > 0 && c.count < MIN_GROUP_SIZE ? 'small' : null]),
  );
  const totalReason = new Map<string, SuppressionReason | null>();
  for (const t of totals) {
    const sum = t.cells.reduce((a, k) => a + (value.get(k) ?? 0), 0);
    totalReason.set(t.key, sum > 0 && sum < MIN_GROUP_SIZE ? 'small' : null);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of totals) {
      if (totalReason.get(t.key) !== null) continue;
      const vals = t.cells.map((k) => value.get(k) ?? 0);
      if (
        totalIsSafe(
          vals,
          t.cells.map((k) => reason.get(k) ?? null),
        )
      )
        continue;
      const candidates = t.cells
        .filter((k) => reason.get(k) === null && (value.get(k) ?? 0) >= MIN_GROUP_SIZE)
        .sort((a, b) => (value.get(a) ?? 0) - (value.get(b) ?? 0));
      const next = candidates[0];
      if (next !== undefined) reason.set(next, 'complementary');
      else totalReason.set(t.key, 'complementary');
      changed = true;
    }
  }
  const cellsOut = {} as Record<K, Shown>;
  for (const c of cells) {
    const r = reason.get(c.key) ?? null;
    cellsOut[c.key] = r === null ? { shown: true, count: c.count } : { shown: false, reason: r };
  }
  const totalsOut: Record<string, Shown> = {};
  for (const t of totals) {
    const r = totalReason.get(t.key) ?? null;
    const sum = t.cells.reduce((a, k) => a + (value.get(k) ?? 0), 0);
    totalsOut[t.key] = r === null ? { shown: true, count: sum } : { shown: false, reason: r };
  }
  return { cells: cellsOut, totals: totalsOut };
}

/** The words for a hidden figure. */
export const SUPPRESSION_LABELS: Record<SuppressionReason, string> = {
  small: `fewer than ${MIN_GROUP_SIZE} responses`,
  complementary: 'hidden so that a smaller group cannot be worked out',
};
