/**
 * Report terms. Schools in England set their own term dates; Tandem's reports use one fixed
 * calendar so that every school of a trust is compared over the same days:
 *   Autumn term: 1 September to 31 December
 *   Spring term: 1 January to 31 March
 *   Summer term: 1 April to 31 July
 * August belongs to no term: in August "this term" is the summer term just ended. A term's report
 * is prepared on the day after it ends (1 January, 1 April, 1 August).
 * Dates are ISO strings (YYYY-MM-DD) throughout.
 */

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];

export interface Term {
  /** e.g. "2026-autumn" */
  key: string;
  name: TermName;
  /** The calendar year the term falls in. */
  year: number;
  /** First and last day, inclusive. */
  from: string;
  to: string;
  /** e.g. "Autumn term 2026" */
  label: string;
}

const TERM_KEY = /^(\d{4})-(autumn|spring|summer)$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function make(year: number, name: TermName): Term {
  const [from, to] =
    name === 'autumn'
      ? [`${year}-09-01`, `${year}-12-31`]
      : name === 'spring'
        ? [`${year}-01-01`, `${year}-03-31`]
        : [`${year}-04-01`, `${year}-07-31`];
  const label = `${name[0]!.toUpperCase()}${name.slice(1)} term ${year}`;
  return { key: `${year}-${name}`, name, year, from, to, label };
}

/** The term with this key, or null when the key is not one. */
export function termByKey(key: string): Term | null {
  const m = TERM_KEY.exec(key);
  if (!m) return null;
  return make(Number(m[1]), m[2] as TermName);
}

/** The term a day falls in; in August, the summer term just ended. */
export function termOf(day: string): Term {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 9) return make(year, 'autumn');
  if (month <= 3) return make(year, 'spring');
  return make(year, 'summer');
}

/** The term before this one. */
export function previousTerm(term: Term): Term {
  if (term.name === 'autumn') return make(term.year, 'summer');
  if (term.name === 'summer') return make(term.year, 'spring');
  return make(term.year - 1, 'autumn');
}

/** The term after this one. */
export function nextTerm(term: Term): Term {
  if (term.name === 'spring') return make(term.year, 'summer');
  if (term.name === 'summer') return make(term.year, 'autumn');
  return make(term.year + 1, 'spring');
}

/** The last term that has ended by this day (the day after its last day or later). */
export function lastEndedTerm(today: string): Term {
  let t = termOf(today);
  while (t.to >= today) t = previousTerm(t);
  return t;
}

/** Every term that overlaps the days from..to (inclusive), oldest first. */
export function termsBetween(from: string, to: string): Term[] {
  const out: Term[] = [];
  let t = termOf(from);
  if (t.to < from) t = nextTerm(t); // from in August
  while (t.from <= to) {
    out.push(t);
    t = nextTerm(t);
  }
  return out;
}

/** 1 September of the school year a day falls in, and 31 August after it. */
export function schoolYearOf(day: string): { from: string; to: string; label: string } {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? year : year - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31`, label: `${start} to ${start + 1}` };
}

/** Calendar months overlapping from..to, as { key: "2026-09", label: "September 2026", from, to }. */
export function monthsBetween(from: string, to: string): { key: string; label: string; from: string; to: string }[] {
  const NAMES = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const out: { key: string; label: string; from: string; to: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const first = `${y}-${pad(m)}-01`;
    if (first > to) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ key: `${y}-${pad(m)}`, label: `${NAMES[m - 1]} ${y}`, from: first, to: last });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
