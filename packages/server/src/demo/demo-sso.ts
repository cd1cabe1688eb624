/**
 * The demo's single sign-on: Kingsmead is not connected (its settings page explains what to
 * enter); Willowbrook has a Microsoft connection to an example tenant, turned off, as a school
 * part-way through setting it up would have. The tenant ID and secret are made up: nothing reaches
 * Microsoft. Inserted in the demo transaction, not audited.
 */
import { microsoftIssuer } from '@tandem/core';
import { ssoConnections } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const WILLOW_HEAD = 'ruth.adams@willowbrook.example';
const EXAMPLE_TENANT = '3f2b6c1e-7a4d-4e5f-9b8c-2d1e0f9a8b7c';

export async function seedDemoSso(
  tx: DbOrTx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('willow');
  if (!schoolId) return;
  await tx.insert(ssoConnections).values({
    schoolId,
    provider: 'microsoft',
    issuer: microsoftIssuer(EXAMPLE_TENANT),
    clientId: '6e0c4a2b-1d3f-4b5a-8c7d-9e0f1a2b3c4d',
    clientSecret: 'demo-secret-not-a-real-one',
    domains: ['willowbrook.example'],
    acceptIdpMfa: false,
    enabled: false,
    updatedBy: o.userIds.get(WILLOW_HEAD) ?? null,
    updatedAt: new Date(o.now.getTime() - 3 * 86_400_000),
  });
}
