/**
 * Driving Debian's chromium with playwright-core, and the checks every journey makes on the pages it
 * visits: axe-core (WCAG 2.0 and 2.1, A and AA), full-page screenshots at phone and desktop widths,
 * no sideways scrolling on a phone, and a visible keyboard focus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export type Viewport = 'phone' | 'desktop';

export const VIEWPORTS: Record<Viewport, { width: number; height: number }> = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser | null = null;
const contexts = new Set<BrowserContext>();
/** Things that went wrong inside a page (script errors, CSP refusals), checked by checkA11y and closeBrowser. */
const problems = new WeakMap<Page, string[]>();
/** The last console lines of each page, printed when a test fails. */
const consoles = new WeakMap<Page, string[]>();
const pages: Page[] = [];

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return browser;
}

async function closeContexts(): Promise<void> {
  for (const context of contexts) await context.close().catch(() => undefined);
  contexts.clear();
  pages.length = 0;
}

export async function closeBrowser(): Promise<void> {
  await closeContexts();
  await browser?.close();
  browser = null;
}

/**
 * Launches chromium for a test file and closes it afterwards; when a test fails, every page it had
 * open is photographed into test-results/failures/ and its recent console output is printed.
 */
export function useBrowser(): void {
  beforeAll(async () => {
    await launchBrowser();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await recordFailure(ctx.task.name);
    await closeContexts();
  });
  afterAll(async () => {
    await closeBrowser();
  });
}

async function recordFailure(testName: string): Promise<void> {
  const dir = path.join(ROOT, 'test-results/failures');
  fs.mkdirSync(dir, { recursive: true });
  const slug = testName
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const file = path.join(dir, `${slug}-page${i + 1}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const console_ = (consoles.get(page) ?? []).map((l) => `    ${l}`).join('\n');
    const problems_ = (problems.get(page) ?? []).map((l) => `    ${l}`).join('\n');
    process.stderr.write(
      `\n[e2e] failed test "${testName}", page ${i + 1} at ${page.url()}\n  screenshot: ${path.relative(ROOT, file)}\n` +
        (problems_ ? `  problems:\n${problems_}\n` : '') +
        (console_ ? `  console:\n${console_}\n` : ''),
    );
  }
}

/**
 * A page in a fresh browser context (its own cookies, as a separate person's browser would have).
 * Phone is 360 x 740 with touch; desktop is 1280 x 900.
 */
export async function newPage(viewport: Viewport = 'desktop'): Promise<Page> {
  const b = await launchBrowser();
  const context = await b.newContext({
    baseURL: baseUrl(),
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  contexts.add(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const list: string[] = [];
  problems.set(page, list);
  page.on('pageerror', (err) => list.push(`script error: ${err.message}`));
  const lines: string[] = [];
  consoles.set(page, lines);
  pages.push(page);
  page.on('console', (msg) => {
    const text = msg.text();
    lines.push(`${msg.type()}: ${text}`);
    if (lines.length > 20) lines.shift();
    // The server's CSP allows nothing inline; a refusal means part of the page silently broke.
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) list.push(`CSP: ${text}`);
  });
  return page;
}

/** Fails if a script error or a CSP refusal has happened on the page so far. */
export function expectNoPageProblems(page: Page): void {
  const list = problems.get(page) ?? [];
  expect(list, `problems on ${page.url()}`).toEqual([]);
}

export function viewportOf(page: Page): Viewport {
  const size = page.viewportSize();
  return size !== null && size.width <= 600 ? 'phone' : 'desktop';
}

/**
 * Waits until the page has stopped loading: the app has rendered, nothing is marked busy, no
 * "Loading…" status is showing, fonts are in and two frames have been drawn.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(
    () =>
      document.querySelector('#root')?.childElementCount !== 0 &&
      document.querySelector('[aria-busy="true"]') === null &&
      [...document.querySelectorAll('[role="status"]')].every((el) => !/…\s*$/.test(el.textContent ?? '')),
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const summary = (n.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim();
          return `      - ${n.target.join(' ')}${summary ? `\n        ${summary}` : ''}\n        ${n.html.slice(0, 160)}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
      return `  ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on the page as it is now, failing with a readable list of WCAG 2.0/2.1 A and AA
 * violations. Also fails on any script error or CSP refusal seen on the page.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  await settle(page);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    // Evaluated over the DevTools protocol rather than added as a <script> tag: the server's CSP
    // (rightly) refuses inline scripts, and the tests must not switch the CSP off.
    const source = fs.readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(source);
  }
  const results = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_TAGS);
  const where = `${label} (${viewportOf(page)}, ${page.url()})`;
  if (results.violations.length > 0) {
    expect.fail(`accessibility violations on ${where}:\n${describeViolations(results.violations)}`);
  }
  expectNoPageProblems(page);
}

/** Full-page PNG in test-results/screenshots/<name>-<phone|desktop>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${viewportOf(page)}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}

/**
 * At phone width, the page must not scroll sideways. Names the widest elements if it does.
 *
 * The limit is the width the page was given (360 px), not window.innerWidth alone: a phone-emulating
 * browser zooms out to fit content that is too wide, and innerWidth then grows to match it, so
 * `scrollWidth <= innerWidth` would pass a page that overflows.
 */
export async function noHorizontalScroll(page: Page, label = page.url()): Promise<void> {
  await settle(page);
  const given = page.viewportSize()?.width ?? Infinity;
  const result = await page.evaluate((givenWidth) => {
    const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
    const limit = Math.min(window.innerWidth, document.documentElement.clientWidth, givenWidth);
    const wide = [...document.querySelectorAll('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > limit + 0.5)
      .sort((x, y) => y.right - x.right)
      .slice(0, 5)
      .map(({ el, right }) => {
        const id = el.id ? `#${el.id}` : '';
        const cls =
          typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(right)} px)`;
      });
    return { scrollWidth, limit, wide };
  }, given);
  expect(
    result.scrollWidth,
    `${label} scrolls sideways at ${result.limit} px: content is ${result.scrollWidth} px wide. Widest: ${result.wide.join('; ')}`,
  ).toBeLessThanOrEqual(result.limit);
}

/**
 * The checks for one page of a journey run at one width (another run takes the other width): axe,
 * a screenshot named `<prefix>-<name>-<phone|desktop>`, and at 360 px no sideways scroll.
 */
export function checksAtOwnWidth(prefix: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    await checkA11y(page, name);
    await screenshot(page, `${prefix}-${name}`);
    if (viewportOf(page) === 'phone') await noHorizontalScroll(page, name);
  };
}

/**
 * The checks for one page of a journey: axe and a screenshot at the page's own width, then the same
 * at the other width (by resizing), then back. At phone width a page that scrolls sideways is noted
 * on stderr; journey d asserts it for the pages the issue names.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const own = viewportOf(page);
  const other: Viewport = own === 'phone' ? 'desktop' : 'phone';
  const atWidth = async () => {
    await checkA11y(page, name);
    await screenshot(page, name);
    if (viewportOf(page) === 'phone') {
      await noHorizontalScroll(page, name).catch((err: unknown) => {
        process.stderr.write(`[e2e] note: ${(err as Error).message.split('\n')[0]}\n`);
      });
    }
  };
  await atWidth();
  await page.setViewportSize(VIEWPORTS[other]);
  try {
    await atWidth();
  } finally {
    await page.setViewportSize(VIEWPORTS[own]);
  }
}

export interface FocusStyle {
  element: string;
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
}

/** The element that has keyboard focus, and how its focus is drawn. */
export async function focused(page: Page): Promise<FocusStyle> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body)
      return { element: 'body', outlineStyle: 'none', outlineWidth: '0px', boxShadow: 'none' };
    const style = getComputedStyle(el);
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const id = el.id ? `#${el.id}` : '';
    const type = el.getAttribute('type');
    const field = el.getAttribute('name');
    return {
      element: `${el.tagName.toLowerCase()}${id}${field ? `[name=${field}]` : ''}${type ? `[type=${type}]` : ''}${name ? ` "${name}"` : ''}`,
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      boxShadow: style.boxShadow,
    };
  });
}

/** The focused element must show that it has focus (an outline or a box shadow). */
export async function expectFocusVisible(page: Page): Promise<FocusStyle> {
  const f = await focused(page);
  const outline = f.outlineStyle !== 'none' && Number.parseFloat(f.outlineWidth) > 0;
  const shadow = f.boxShadow !== 'none' && f.boxShadow !== '';
  expect(
    outline || shadow,
    `focus is not visible on ${f.element} (outline ${f.outlineStyle} ${f.outlineWidth}, box-shadow ${f.boxShadow})`,
  ).toBe(true);
  return f;
}

/**
 * Presses Tab until `target` has focus, checking on the way that every element that receives focus
 * shows it. Fails after `max` presses, listing where focus went.
 */
export async function tabTo(page: Page, target: Locator, what: string, max = 25): Promise<FocusStyle> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await expectFocusVisible(page);
    visited.push(f.element);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return f;
  }
  return expect.fail(`could not reach ${what} with ${max} presses of Tab; focus went to:\n  ${visited.join('\n  ')}`);
}
