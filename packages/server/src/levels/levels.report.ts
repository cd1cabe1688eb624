/**
 * The levels figures of the school's and the trust's reports (platform ReportSource): pupils by
 * level and THRIVE group on a day, MH3 and above by year group, form and characteristic, and moves
 * between levels term by term. The SQL is in levels.report-sql.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  CHARACTERISTICS,
  CHARACTERISTIC_LABELS,
  LEVEL_CODES,
  THRIVE_GROUPS,
  THRIVE_LABELS,
  isLevelCode,
  termsBetween,
  yearGroupLabel,
  type Characteristic,
  type Figure,
  type FigureColumn,
  type FigureRow,
} from '@tandem/core';
import type { ReportRequest, ReportSource } from '../platform/registries';
import { characteristicSql } from '../platform/report-filters';
import {
  ALL_SCHOOLS,
  GroupedRows,
  dayWords,
  daysWords,
  figureMap,
  fraction,
  num,
  sqlRows,
} from '../platform/report-figures';
import {
  drillLevelsSql,
  levelsAtSql,
  movementSql,
  type CountedTerm,
  type LevelRow,
  type MovementRow,
} from './levels.report-sql';

const KEYS = [
  'levels.now',
  'levels.thrive',
  'levels.yearGroup',
  'levels.form',
  'levels.characteristic',
  'levels.movement',
] as const;

const col = (key: string, label: string, unit: FigureColumn['unit'], basis: string | null = null): FigureColumn => ({
  key,
  label,
  unit,
  basis,
});
const row = (key: string, label: string, values: (number | null)[], highlight: string | null = null): FigureRow => ({
  key,
  label,
  values,
  highlight,
});

const THRIVE_RANKS: Record<(typeof THRIVE_GROUPS)[number], number[]> = {
  thriving: [0],
  getting_advice: [1],
  getting_help: [2],
  getting_more_help: [3],
  getting_risk_support: [4, 5],
};

/** The terms overlapping r.from..r.to that have begun by r.asOf, each counted up to r.asOf. */
function countedTerms(r: ReportRequest): CountedTerm[] {
  return termsBetween(r.from, r.to)
    .filter((term) => term.from <= r.asOf)
    .map((term) => ({ term, last: term.to < r.asOf ? term.to : r.asOf }));
}

function filterWords(r: ReportRequest): string {
  const parts: string[] = [];
  if (r.yearGroup !== null) parts.push(yearGroupLabel(r.yearGroup));
  if (r.characteristic !== null) parts.push(CHARACTERISTIC_LABELS[r.characteristic].toLowerCase());
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** A pupils/share figure (levels.now, levels.thrive) of one group. */
function shareFigure(
  base: Pick<Figure, 'key' | 'title' | 'description' | 'rowHeading'>,
  rows: { key: string; label: string; pupils: number }[],
  trustColumns: string[] | null = ['pupils'],
): Figure {
  const total = rows.reduce((a, x) => a + x.pupils, 0);
  return {
    ...base,
    section: 'levels',
    columns: [col('pupils', 'Pupils', 'count'), col('share', 'Share', 'percent', 'pupils')],
    rows: rows.map((x) => row(x.key, x.label, [x.pupils, fraction(x.pupils, total)])),
    total: row('total', 'All pupils', [total, fraction(total, total)]),
    partition: true,
    chart: { kind: 'bar', columns: ['pupils'] },
    drillColumn: 'pupils',
    trustColumns,
  };
}

/** An MH3-and-above figure (year group, form, characteristic) of one group. */
function mh3Figure(
  base: Pick<Figure, 'key' | 'title' | 'description' | 'rowHeading' | 'partition' | 'trustColumns'>,
  rows: { key: string; label: string; pupils: number; mh3: number }[],
  whole: { pupils: number; mh3: number },
  highlightOf: ((x: { pupils: number; mh3: number; ratio: number | null }) => string | null) | null,
): Figure {
  const schoolRate = fraction(whole.mh3, whole.pupils);
  return {
    ...base,
    section: 'levels',
    columns: [
      col('pupils', 'Pupils', 'count'),
      col('mh3', 'MH3 and above', 'count'),
      col('rate', 'Rate', 'percent', 'mh3'),
      col('ratio', "Compared with the school's rate", 'ratio', 'mh3'),
    ],
    rows: rows.map((x) => {
      const rate = fraction(x.mh3, x.pupils);
      const ratio = x.pupils < 5 || rate === null || !schoolRate ? null : rate / schoolRate;
      return row(x.key, x.label, [x.pupils, x.mh3, rate, ratio], highlightOf?.({ ...x, ratio }) ?? null);
    }),
    total: row('total', 'Whole school', [whole.pupils, whole.mh3, schoolRate, null]),
    chart: { kind: 'bar', columns: ['rate'] },
    drillColumn: 'mh3',
  };
}

/** Row keys in order: by number (year groups), or by name with the digits read as numbers (7K before 11W). */
function sortedKeys(rows: Map<string, LevelRow>, order: (key: string) => number | string): string[] {
  return [...rows.keys()].sort((a, b) => {
    const x = order(a);
    const y = order(b);
    if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, 'en-GB', { numeric: true });
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export const levelReport: ReportSource = {
  keys: KEYS,

  async figures(db, r, o) {
    const terms = countedTerms(r);
    const [levelRows, moveRows] = await Promise.all([
      sqlRows<LevelRow>(db, levelsAtSql(r)),
      terms.length === 0 ? Promise.resolve([]) : sqlRows<MovementRow>(db, movementSql(r, terms)),
    ]);
    const by = (fig: LevelRow['fig']) =>
      new GroupedRows(
        levelRows.filter((x) => x.fig === fig),
        (x) => x.row_key ?? 'total',
      );
    const levels = by('level');
    const thrive = by('thrive');
    const years = by('year');
    const forms = by('form');
    const chars = by('char');
    const moves = new GroupedRows(moveRows, (x) => x.row_key);
    const onDay = `Pupils${filterWords(r)} on roll on ${dayWords(r.asOf)}`;
    const whole = (g: string) => ({
      pupils: num(years.get(g, 'total')?.pupils),
      mh3: num(years.get(g, 'total')?.mh3),
    });
    const rateWords = (g: string) => (g === ALL_SCHOOLS ? "all the schools' rate" : "the school's rate");

    return figureMap(r, o, [
      (g) =>
        shareFigure(
          { key: 'levels.now', title: 'Pupils by level', description: `${onDay}.`, rowHeading: 'Level' },
          ['none', ...LEVEL_CODES].map((k) => ({
            key: k,
            label: k === 'none' ? 'No level' : k,
            pupils: num(levels.get(g, k)?.pupils),
          })),
        ),
      (g) =>
        shareFigure(
          {
            key: 'levels.thrive',
            title: 'Pupils by THRIVE group',
            description: `${onDay}, by the THRIVE group of their level.`,
            rowHeading: 'THRIVE group',
          },
          THRIVE_GROUPS.map((k) => ({ key: k, label: THRIVE_LABELS[k], pupils: num(thrive.get(g, k)?.pupils) })),
          // Not in the trust's view: THRIVE groups regroup the levels, and shown beside "Pupils by
          // level" one table would give back the counts the other hides to protect a small one.
          null,
        ),
      (g) =>
        mh3Figure(
          {
            key: 'levels.yearGroup',
            title: 'MH3 and above by year group',
            description: `${onDay} at MH3 and above, by year group.`,
            rowHeading: 'Year group',
            partition: true,
            trustColumns: ['mh3'],
          },
          sortedKeys(new Map([...years.rowsOf(g)].filter(([k]) => k !== 'total')), (k) => Number(k.slice(1)) + 100).map(
            (k) => {
              const x = years.get(g, k)!;
              return { key: k, label: yearGroupLabel(Number(k.slice(1))), pupils: num(x.pupils), mh3: num(x.mh3) };
            },
          ),
          whole(g),
          null,
        ),
      (g) =>
        mh3Figure(
          {
            key: 'levels.form',
            title: 'MH3 and above by form',
            description: `${onDay} at MH3 and above, by form.`,
            rowHeading: 'Form',
            partition: true,
            trustColumns: null,
          },
          sortedKeys(forms.rowsOf(g), (k) => k).map((k) => {
            const x = forms.get(g, k)!;
            return { key: k, label: k === 'f:' ? 'No form' : k.slice(2), pupils: num(x.pupils), mh3: num(x.mh3) };
          }),
          whole(g),
          null,
        ),
      (g) =>
        mh3Figure(
          {
            key: 'levels.characteristic',
            title: 'MH3 and above by characteristic',
            description:
              `${onDay} at MH3 and above, by characteristic. A group's rate is compared with the whole ` +
              `school's only when it has 5 or more pupils, and a group is marked only when 5 or more of them ` +
              `are at MH3 and above.`,
            rowHeading: 'Characteristic',
            partition: false,
            trustColumns: ['mh3'],
          },
          CHARACTERISTICS.map((k) => ({
            key: k,
            label: CHARACTERISTIC_LABELS[k],
            pupils: num(chars.get(g, k)?.pupils),
            mh3: num(chars.get(g, k)?.mh3),
          })),
          whole(g),
          (x) =>
            x.pupils >= 5 && x.mh3 >= 5 && x.ratio !== null && x.ratio >= 1.5
              ? `Over-represented: ${(Math.round(x.ratio * 10) / 10).toLocaleString('en-GB')} times ${rateWords(g)} (${x.mh3} of ${x.pupils} pupils)`
              : null,
        ),
      (g): Figure => ({
        key: 'levels.movement',
        section: 'levels',
        title: 'Moves between levels, term by term',
        description:
          `Pupils${filterWords(r)} on roll at the end of each term ${daysWords(r.from, r.to)}, whose level at the ` +
          `end of the term (or on ${dayWords(r.asOf)}) was above, below or the same as at its start.`,
        rowHeading: 'Term',
        columns: [
          col('up', 'Moved up', 'count'),
          col('down', 'Moved down', 'count'),
          col('same', 'Same level', 'count'),
        ],
        rows: terms.map(({ term }) => {
          const x = moves.get(g, term.key);
          return row(term.key, term.label, [num(x?.up), num(x?.down), num(x?.same)]);
        }),
        total: null,
        partition: false,
        chart: { kind: 'stacked', columns: ['up', 'down', 'same'] },
        drillColumn: null,
        trustColumns: ['up', 'down'],
      }),
    ]);
  },

  async drill(db, r, figure, rowKey) {
    if (!(KEYS as readonly string[]).includes(figure)) return null;
    let where: SQL | null = null;
    if (figure === 'levels.now') {
      if (rowKey === 'none') where = sql`p.rank = 0`;
      else if (isLevelCode(rowKey)) where = sql`p.rank = ${LEVEL_CODES.indexOf(rowKey) + 1}`;
    } else if (figure === 'levels.thrive') {
      const ranks = Object.hasOwn(THRIVE_RANKS, rowKey) ? THRIVE_RANKS[rowKey as keyof typeof THRIVE_RANKS] : null;
      if (ranks) where = sql`p.rank = any(${`{${ranks.join(',')}}`}::int[])`;
    } else if (figure === 'levels.yearGroup') {
      if (/^y-?\d+$/.test(rowKey)) where = sql`p.rank >= 3 and p.year_group = ${Number(rowKey.slice(1))}`;
    } else if (figure === 'levels.form') {
      if (rowKey.startsWith('f:')) where = sql`p.rank >= 3 and p.form = ${rowKey.slice(2)}`;
    } else if (figure === 'levels.characteristic') {
      if ((CHARACTERISTICS as readonly string[]).includes(rowKey))
        where = sql`p.rank >= 3 and ${characteristicSql('p', rowKey as Characteristic)}`;
    }
    if (where === null) return [];
    const rows = await sqlRows<{ id: string }>(db, drillLevelsSql(r, where));
    return rows.map((x) => x.id);
  },
};
