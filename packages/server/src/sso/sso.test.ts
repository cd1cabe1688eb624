/**
 * The school's single sign-on connection as its administrators keep it: who may read and change
 * it (school administrator, head, the trust administrator; not a tutor, a parent or another
 * school's head), the client secret never answered, https issuers only (unless the installation
 * allows http for development), bad input refused with nothing changed, "check connection".
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, roleAssignments, ssoConnections, users } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';

let env: TestEnv;
const SECRET = 'very-secret-value-1234567890';
const url = () => `/api/schools/${env.world.kingsmead}/sso`;
const body = (overrides: Record<string, unknown> = {}) => ({
  issuer: 'https://login.microsoftonline.com/8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f/v2.0',
  clientId: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
  clientSecret: SECRET,
  domains: ['Kingsmead.example', '@staff.kingsmead.example'],
  acceptIdpMfa: false,
  enabled: true,
  ...overrides,
});
const rows = () =>
  env.deps.database.db.select().from(ssoConnections).where(eq(ssoConnections.schoolId, env.world.kingsmead));

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('the school’s single sign-on connection', () => {
  it('is refused with a clear message for bad input, changing nothing', async () => {
    const admin = await env.as('schoolAdmin');
    const cases: [Record<string, unknown>, string][] = [
      [{ issuer: 'http://login.example/v2.0' }, 'The issuer address must start https://'],
      [{ issuer: 'not an address' }, 'Enter the issuer as a full address, starting https://'],
      [{ domains: ['not a domain'] }, 'Enter each domain as it follows the @, for example oakfield.sch.uk'],
      [{ domains: [] }, 'Enter at least one email domain your staff use'],
      [{ clientId: '' }, 'Enter the client ID (application ID) from your identity provider'],
      [{ clientSecret: undefined }, 'Enter the client secret'],
    ];
    for (const [change, message] of cases) {
      const res = await admin.put<{ error: { message: string; fields?: { message: string }[] } }>(
        `${url()}/microsoft`,
        body(change),
      );
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect([res.body.error.message, ...(res.body.error.fields ?? []).map((f) => f.message)]).toContain(message);
    }
    expect((await admin.put(`${url()}/yahoo`, body())).status).toBe(400);
    expect((await admin.put(`${url()}/microsoft`, { ...body(), extra: 1 })).status).toBe(400);
    expect(await rows()).toHaveLength(0);
  });

  it('is saved by the school administrator, audited without the secret, and never answers the secret', async () => {
    const admin = await env.as('schoolAdmin');
    const saved = await admin.put<{ domains: string[]; secretSaved: boolean; issuer: string }>(
      `${url()}/microsoft`,
      body(),
    );
    expect(saved.status, saved.text).toBe(200);
    expect(saved.text).not.toContain(SECRET);
    expect(saved.body.secretSaved).toBe(true);
    expect(saved.body.domains).toEqual(['kingsmead.example', 'staff.kingsmead.example']);
    const read = await admin.get<{ connections: { provider: string }[]; redirectUri: string }>(url());
    expect(read.status).toBe(200);
    expect(read.text).not.toContain(SECRET);
    expect(read.body.connections.map((c) => c.provider)).toEqual(['microsoft']);
    expect(read.body.redirectUri).toBe('http://tandem.test/api/auth/sso/callback');

    // Changing it without the secret keeps the saved one; giving one replaces it.
    const kept = await admin.put(`${url()}/microsoft`, body({ clientSecret: undefined, enabled: false }));
    expect(kept.status).toBe(200);
    expect((await rows())[0]!.clientSecret).toBe(SECRET);
    const [entry] = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'sso.connection_saved'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(entry!.detail).toEqual({
      provider: 'microsoft',
      fields: ['enabled'],
      secretReplaced: false,
      enabled: false,
    });
    expect(entry!.schoolId).toBe(env.world.kingsmead);
    expect(JSON.stringify(entry)).not.toContain(SECRET);
    await admin.put(`${url()}/microsoft`, body({ clientSecret: 'a-new-secret' }));
    expect((await rows())[0]!.clientSecret).toBe('a-new-secret');
  });

  it('is for the school administrator, the head and the trust administrator only', async () => {
    for (const person of ['schoolAdmin', 'head', 'trustAdmin'] as const) {
      const c = await env.as(person);
      expect((await c.get(url())).status, person).toBe(200);
      expect((await c.put(`${url()}/google`, body({ issuer: 'https://accounts.google.com' }))).status, person).toBe(
        200,
      );
    }
    for (const person of ['tutor', 'smhl', 'parent', 'pupil'] as const) {
      const c = await env.as(person);
      expect((await c.get(url())).status, person).toBe(403);
      expect((await c.put(`${url()}/google`, body())).status, person).toBe(403);
      expect((await c.post(`${url()}/google/check`)).status, person).toBe(403);
    }
    const other = await env.as('otherHead');
    expect((await other.get(url())).status).toBe(404);
    expect((await other.put(`${url()}/google`, body())).status).toBe(404);
    expect((await env.client().get(url())).status).toBe(401);
  });

  it('is the trust administrator’s to keep also when they hold another role in the school', async () => {
    const [admin] = await env.deps.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'alex.morgan@riverbank.example'));
    await env.deps.database.db
      .insert(roleAssignments)
      .values({ userId: admin!.id, trustId: env.world.trustId, schoolId: env.world.kingsmead, role: 'teacher' });
    const c = await env.as('trustAdmin');
    expect((await c.get(url())).status).toBe(200);
    expect((await c.put(`${url()}/google`, body({ issuer: 'https://accounts.google.com' }))).status).toBe(200);
  });

  it('checks the connection and says clearly when the provider cannot be reached', async () => {
    const admin = await env.as('schoolAdmin');
    await admin.put(`${url()}/microsoft`, body({ issuer: 'https://127.0.0.1:1/tenant/v2.0' }));
    const res = await admin.post<{ ok: boolean; message: string }>(`${url()}/microsoft/check`);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.message).toContain('Check the issuer address (the tenant ID)');
    expect((await rows()).find((r) => r.provider === 'microsoft')!.lastCheckOk).toBe(false);
    // Willowbrook (the demo) has a Microsoft connection, turned off, and no Google one.
    const none = await (
      await env.as('otherHead')
    ).post<{ error: { message: string } }>(`/api/schools/${env.world.willow}/sso/google/check`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('Save the Google connection before checking it.');
  });
});
