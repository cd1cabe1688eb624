/** The printed table and the JSON file of a run. */
import type { Measured } from './measure';

/** One question asked of the app, beside the baselines it is compared with (raw SQL, bare argon2...). */
export interface Comparison {
  id: string;
  title: string;
  app: Measured;
  baselines: Measured[];
  /** SQL statements the app request sent through Drizzle (BEGIN/COMMIT not counted). */
  statements?: number;
  note?: string;
  /** How the two kinds of row are introduced in the table (default "app" and "vs"). */
  sideNames?: [string, string];
}

export interface Ratio {
  baseline: string;
  /** app p50 ÷ baseline p50 (one request at a time). */
  p50: number;
  /** app p99 ÷ baseline p99 (one request at a time). */
  p99: number;
  /** baseline requests per second ÷ app requests per second, with several in flight. */
  throughput: number;
  /** app p50 − baseline p50, in ms: what the app adds to the answer. */
  addedMs: number;
}

export function ratios(c: Comparison): Ratio[] {
  return c.baselines.map((b) => ({
    baseline: b.label,
    p50: c.app.sequential.p50 / b.sequential.p50,
    p99: c.app.sequential.p99 / b.sequential.p99,
    throughput: b.concurrent.perSecond / c.app.concurrent.perSecond,
    addedMs: c.app.sequential.p50 - b.sequential.p50,
  }));
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const rate = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const times = (v: number) => `${v.toFixed(v >= 10 ? 0 : 1)}×`;

function pad(s: string, n: number, right = false): string {
  if (s.length >= n) return s.slice(0, n);
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The comparison table, as printed. */
export function formatTable(comparisons: Comparison[], inFlight: number): string {
  const cols: [string, number, boolean][] = [
    ['#', 4, false],
    ['measurement / side', 62, false],
    ['p50', 7, true],
    ['p95', 7, true],
    ['p99', 7, true],
    ['req/s', 7, true],
    [`req/s×${inFlight}`, 9, true],
    [`p95×${inFlight}`, 8, true],
    ['÷p50', 7, true],
    ['÷req/s', 7, true],
    ['+ms', 7, true],
  ];
  const line = (cells: string[]) => cols.map(([, w, r], i) => pad(cells[i] ?? '', w, r)).join(' ');
  const out: string[] = [];
  out.push(line(cols.map(([h]) => h)));
  out.push(line(cols.map(([, w]) => '-'.repeat(w))));
  const row = (id: string, label: string, m: Measured, r?: Ratio) =>
    out.push(
      line([
        id,
        label,
        ms(m.sequential.p50),
        ms(m.sequential.p95),
        ms(m.sequential.p99),
        rate(m.sequential.perSecond),
        rate(m.concurrent.perSecond),
        ms(m.concurrent.p95),
        r ? times(r.p50) : '',
        r ? times(r.throughput) : '',
        r ? ms(r.addedMs) : '',
      ]),
    );
  for (const c of comparisons) {
    out.push(`${pad(c.id, 4)} ${c.title}${c.statements !== undefined ? ` [app: ${c.statements} SQL statements]` : ''}`);
    const [first, second] = c.sideNames ?? ['app', 'vs'];
    row('', `  ${first}: ${c.app.label}`, c.app);
    const rs = ratios(c);
    c.baselines.forEach((b, i) => row('', `  ${second}: ${b.label}`, b, rs[i]));
    if (c.note) out.push(`       (${c.note})`);
  }
  out.push('');
  out.push('Latency in ms, one request at a time (p50/p95/p99) and with several in flight (p95×n).');
  out.push('÷p50 = app p50 ÷ baseline p50; ÷req/s = baseline throughput ÷ app throughput (in flight);');
  out.push('+ms = what the app adds to the baseline at p50.');
  return out.join('\n');
}
