/** Checks for every page a journey visits, and small helpers for the pupil pages. */
import type { Page } from 'playwright-core';
import { makeUpn } from '../../packages/core/src/pupils/upn';
import { checkPage, noHorizontalScroll, VIEWPORTS, viewportOf } from './browser';

/**
 * axe and a screenshot at phone and desktop widths (checkPage), and at 360 px the page must not
 * scroll sideways (asserted, not only noted).
 */
export async function checkEveryWay(page: Page, name: string): Promise<void> {
  await checkPage(page, name);
  const own = viewportOf(page);
  if (own === 'phone') {
    await noHorizontalScroll(page, name);
    return;
  }
  await page.setViewportSize(VIEWPORTS.phone);
  try {
    await noHorizontalScroll(page, name);
  } finally {
    await page.setViewportSize(VIEWPORTS[own]);
  }
}

/** A valid UPN that no demo pupil has: 12 random digits after the check letter. */
export function randomUpn(): string {
  const digits = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join('');
  return makeUpn(`9${digits.slice(1)}`);
}

/** A CSV file as an MIS exports it (CRLF line ends), for setInputFiles. */
export function csvFile(name: string, rows: readonly (readonly string[])[]) {
  const text = `${rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/**
 * Opens one of the school's pages from the navigation; on a phone the links are behind the Menu
 * button first.
 */
export async function openFromNav(page: Page, label: string, heading: string | RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'School' });
  const menu = nav.getByRole('button', { name: /^Menu/ });
  if (await menu.isVisible()) await menu.click();
  await nav.getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
