/**
 * The sample common transfer file in docs/samples (made-up pupils, addressed to the demo's
 * Kingsmead Academy) is what the README asks a newcomer to try: it must keep importing cleanly.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { ImportApplyResponse, ImportPreview } from '@tandem/core';
import { contacts, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../../test/harness';

const SAMPLE = new URL('../../../../../docs/samples/joining-pupils.ctf.xml', import.meta.url);

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

it('the sample CTF previews without problems or questions in the demo school, and applies', async () => {
  const smhl = await env.as('smhl');
  const xml = readFileSync(SAMPLE, 'utf8');
  const url = `/api/schools/${env.world.kingsmead}/imports`;
  const preview = await smhl.request<ImportPreview>('POST', `${url}?kind=ctf&fileName=joining-pupils.ctf.xml`, xml, {
    'content-type': 'application/xml',
  });
  expect(preview.status).toBe(200);
  expect(preview.body.errorCount).toBe(0);
  expect(preview.body.toAdd).toBe(3);

  const applied = await smhl.post<ImportApplyResponse>(`${url}/${preview.body.importId}/apply`);
  expect(applied.status).toBe(200);
  const upns = [...xml.matchAll(/<UPN>(\w+)<\/UPN>/g)].map((m) => m[1] ?? '');
  const added = await env.deps.database.db
    .select({ id: pupils.id, familyName: pupils.familyName })
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), inArray(pupils.upn, upns)));
  expect(added.map((p) => p.familyName).sort()).toEqual(['Hollis', 'Kowalczyk', 'Mensah']);
  const theirContacts = await env.deps.database.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      inArray(
        contacts.pupilId,
        added.map((p) => p.id),
      ),
    );
  expect(theirContacts).toHaveLength(4);
});
