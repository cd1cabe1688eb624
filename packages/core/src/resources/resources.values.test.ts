import { describe, expect, it } from 'vitest';
import { AREA_KEYS } from '../improvement/areas';
import { STARTER_LIBRARY } from './library-seed';
import { resourceReviewDue } from './resources.values';
import { resourceInputSchema } from './resources.schemas';

describe('the starter library', () => {
  it('serves every area at least once, with known areas and https links only', () => {
    const served = new Set(STARTER_LIBRARY.flatMap((r) => r.areas));
    expect(AREA_KEYS.filter((k) => !served.has(k))).toEqual([]);
    for (const r of STARTER_LIBRARY) {
      for (const a of r.areas) expect(AREA_KEYS).toContain(a);
      expect(r.url === '' || r.url.startsWith('https://')).toBe(true);
      expect(`${r.title} ${r.description}`).not.toMatch(/@|derbyshire/i);
    }
    expect(STARTER_LIBRARY.length).toBeGreaterThanOrEqual(25);
  });
});

describe('an entry', () => {
  const ok = { title: 'T', description: 'D', audiences: ['staff'], kind: 'guidance', areas: ['county.ethos'] };
  it('needs a link (https) or a document, an area and an audience', () => {
    expect(resourceInputSchema.safeParse({ ...ok, url: 'https://example.org/x' }).success).toBe(true);
    expect(resourceInputSchema.safeParse({ ...ok, documentId: crypto.randomUUID() }).success).toBe(true);
    expect(resourceInputSchema.safeParse(ok).success).toBe(false);
    expect(resourceInputSchema.safeParse({ ...ok, url: 'http://example.org' }).success).toBe(false);
    expect(resourceInputSchema.safeParse({ ...ok, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(resourceInputSchema.safeParse({ ...ok, url: 'https://x.org', areas: [] }).success).toBe(false);
    expect(resourceInputSchema.safeParse({ ...ok, url: 'https://x.org', areas: ['county.nope'] }).success).toBe(false);
  });
  it('is due for review a year after it was last reviewed', () => {
    expect(resourceReviewDue('2025-01-10', '2026-01-09')).toBe(false);
    expect(resourceReviewDue('2025-01-10', '2026-01-10')).toBe(true);
  });
});
