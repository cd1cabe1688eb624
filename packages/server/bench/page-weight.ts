/**
 * Page weight: what a browser downloads on its first visit to a page, as the server sends it
 * (brotli, or gzip for a browser without brotli), beside the uncompressed size. It follows the
 * module graph in Vite's manifest: index.html, the entry's scripts and stylesheets and everything
 * they import statically (the modulepreloads), then the page's own lazy chunk and its imports.
 * A lazy import inside the page (a dialog, a PDF) is not counted: it loads only when used.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Weight {
  raw: number;
  brotli: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  source: string;
  files: number;
  js: Weight;
  css: Weight;
  html: Weight;
  total: Weight;
}

/** The first page (sign-in) must stay under this, compressed; the bench fails above it. */
export const FIRST_PAGE_BUDGET = 150 * 1024;
/** What the pages a teacher uses on a phone aim for: their compressed JavaScript. */
export const JS_TARGET = 100 * 1024;

export const PAGES = [
  { page: 'Sign in (first visit)', source: 'src/auth/SignInPage.tsx' },
  { page: 'Log a concern', source: 'src/concerns/LogConcernPage.tsx' },
] as const;

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const DIST = path.join(REPO_ROOT, 'packages/web/dist');

const zero = (): Weight => ({ raw: 0, brotli: 0, gzip: 0 });
const add = (a: Weight, b: Weight): Weight => ({
  raw: a.raw + b.raw,
  brotli: a.brotli + b.brotli,
  gzip: a.gzip + b.gzip,
});

/** The bytes sent: the build's compressed copy if there is one, else the file itself. */
function weightOf(dist: string, file: string): Weight {
  const full = path.join(dist, file);
  const raw = fs.statSync(full).size;
  const sizeOr = (suffix: string) => (fs.existsSync(full + suffix) ? fs.statSync(full + suffix).size : raw);
  return { raw, brotli: sizeOr('.br'), gzip: sizeOr('.gz') };
}

function staticClosure(manifest: Manifest, key: string, into: Set<string>): void {
  if (into.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the manifest has no ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
}

export function measurePageWeights(dist = DIST): PageWeight[] {
  const manifestFile = path.join(dist, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the web app first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry === true);
  if (entry === undefined) throw new Error('the manifest has no entry');
  return PAGES.map(({ page, source }) => {
    const keys = new Set<string>();
    staticClosure(manifest, entry, keys);
    staticClosure(manifest, source, keys);
    const js = new Set<string>();
    const css = new Set<string>();
    for (const key of keys) {
      const chunk = manifest[key];
      if (!chunk) continue;
      js.add(chunk.file);
      for (const c of chunk.css ?? []) css.add(c);
    }
    const sum = (files: Set<string>) => [...files].reduce((w, f) => add(w, weightOf(dist, f)), zero());
    const jsWeight = sum(js);
    const cssWeight = sum(css);
    const html = weightOf(dist, 'index.html');
    return {
      page,
      source,
      files: js.size + css.size + 1,
      js: jsWeight,
      css: cssWeight,
      html,
      total: add(add(jsWeight, cssWeight), html),
    };
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatPageWeights(weights: readonly PageWeight[]): string {
  const rows = [
    ['page', 'files', 'JS br', 'JS gzip', 'JS raw', 'CSS br', 'HTML br', 'total br', 'total gzip', 'total raw'],
    ...weights.map((w) => [
      w.page,
      String(w.files),
      kb(w.js.brotli),
      kb(w.js.gzip),
      kb(w.js.raw),
      kb(w.css.brotli),
      kb(w.html.brotli),
      kb(w.total.brotli),
      kb(w.total.gzip),
      kb(w.total.raw),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}

/** Builds the web app if its sources changed (as `npm start` does), then measures. */
export function runPageWeight(log: (line: string) => void): { weights: PageWeight[]; overBudget: boolean } {
  execFileSync(process.execPath, ['--import', 'tsx', 'packages/web/build/ensure-built.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const weights = measurePageWeights();
  log('Page weight: the first visit to each page, as sent (brotli; gzip for browsers without it):');
  log(formatPageWeights(weights));
  const first = weights[0];
  const overBudget = first !== undefined && Math.max(first.total.brotli, first.total.gzip) > FIRST_PAGE_BUDGET;
  for (const w of weights) {
    const verdict = w.js.brotli <= JS_TARGET ? 'within' : 'OVER';
    log(`  ${w.page}: JavaScript ${kb(w.js.brotli)} brotli, ${verdict} the ${kb(JS_TARGET)} target`);
  }
  log(
    overBudget
      ? `  FAIL: the first page weighs more than ${kb(FIRST_PAGE_BUDGET)} compressed`
      : `  The first page is within the ${kb(FIRST_PAGE_BUDGET)} budget (gzip or brotli).`,
  );
  return { weights, overBudget };
}
