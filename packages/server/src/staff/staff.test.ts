import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { roleAssignments, users } from '@tandem/core/schema';
import type { StaffMember } from '@tandem/core';
import { createTestEnv, PEOPLE, type Person, type TestEnv } from '../../test/harness';
import { totpCodeAt } from '../auth/totp';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const staffUrl = () => `/api/schools/${env.world.kingsmead}/staff`;

describe('inviting staff', () => {
  it('the school administrator invites a teacher, who sets a password from the e-mailed link and signs in', async () => {
    const admin = await env.as('schoolAdmin');
    const res = await admin.post<StaffMember>(staffUrl(), {
      email: 'New.Teacher@Kingsmead.example',
      displayName: 'Nadia Osei',
      roles: ['teacher'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'new.teacher@kingsmead.example',
      roles: ['teacher'],
      invitationPending: true,
    });

    const [mail] = await env.smtp.messagesTo('new.teacher@kingsmead.example');
    expect(mail?.subject).toBe('You have been invited to Tandem at Kingsmead Academy');
    expect(mail?.text).toContain('Jo Bennett has invited you');
    const token = /set-password#token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const check = await env
      .client()
      .post<{ purpose: string; displayName: string }>('/api/auth/password/check-token', { token });
    expect(check.body).toEqual({ purpose: 'invitation', displayName: 'Nadia Osei' });
    expect(
      (await env.client().post('/api/auth/password/reset', { token, password: 'three random words here' })).status,
    ).toBe(200);

    const teacher = env.client();
    const signIn = await teacher.post<{ stage: string; schools: { roles: string[] }[] }>('/api/auth/sign-in', {
      email: 'new.teacher@kingsmead.example',
      password: 'three random words here',
    });
    expect(signIn.body.stage).toBe('complete');
    expect(signIn.body.schools[0]?.roles).toEqual(['teacher']);
    const list = await admin.get<{ staff: StaffMember[] }>(staffUrl());
    expect(list.body.staff.find((s) => s.email === 'new.teacher@kingsmead.example')?.invitationPending).toBe(false);
  });

  it('someone given a case role must set up two-factor before they can do anything', async () => {
    const admin = await env.as('schoolAdmin');
    await admin.post(staffUrl(), {
      email: 'new.dsl@kingsmead.example',
      displayName: 'Omar Haddad',
      roles: ['deputy_dsl'],
    });
    const [mail] = await env.smtp.messagesTo('new.dsl@kingsmead.example');
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    await env.client().post('/api/auth/password/reset', { token, password: 'a long enough password' });
    const c = env.client();
    const signIn = await c.post<{ stage: string }>('/api/auth/sign-in', {
      email: 'new.dsl@kingsmead.example',
      password: 'a long enough password',
    });
    expect(signIn.body.stage).toBe('mfa_enrolment_required');
    expect((await c.get(`/api/schools/${env.world.kingsmead}`)).status).toBe(401);
    const start = await c.post<{ secret: string }>('/api/auth/mfa/enrol/start');
    const done = await c.post<{ recoveryCodes: string[] }>('/api/auth/mfa/enrol/confirm', {
      code: await totpCodeAt(start.body.secret, env.clock.now()),
    });
    expect(done.status).toBe(200);
    expect((await c.get<{ stage: string }>('/api/auth/session')).body.stage).toBe('complete');
    expect((await c.get(`/api/schools/${env.world.kingsmead}`)).status).toBe(200);
  });

  it('a person already in Tandem (staff at another school) is given the roles without a second account', async () => {
    const admin = await env.as('schoolAdmin');
    const res = await admin.post<StaffMember>(staffUrl(), {
      email: PEOPLE.otherTeacher,
      displayName: 'Someone Else',
      roles: ['support_staff'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: env.world.userId('otherTeacher'),
      displayName: 'Nina Kaur',
      invitationPending: false,
    });
    const [mail] = await env.smtp.messagesTo(PEOPLE.otherTeacher);
    expect(mail?.subject).toBe('You now have access to Kingsmead Academy in Tandem');
    const nina = await env.as('otherTeacher');
    const session = await nina.get<{ schools: { name: string }[] }>('/api/auth/session');
    expect(session.body.schools.map((s) => s.name)).toEqual(['Kingsmead Academy', 'Willow Brook Primary School']);
    const again = await admin.post<{ error: { code: string } }>(staffUrl(), {
      email: PEOPLE.otherTeacher,
      displayName: 'x',
      roles: ['teacher'],
    });
    expect(again.status).toBe(409);
  });

  it('refuses bad input with a message per field and creates nothing', async () => {
    const admin = await env.as('schoolAdmin');
    const before = await env.deps.database.db.select().from(users);
    const res = await admin.post<{ error: { code: string; fields: { path: string; message: string }[] } }>(staffUrl(), {
      email: 'not-an-email',
      displayName: '',
      roles: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual(['displayName', 'email', 'roles']);
    const trustRole = await admin.post(staffUrl(), {
      email: 'x@kingsmead.example',
      displayName: 'X',
      roles: ['trust_admin'],
    });
    expect(trustRole.status).toBe(400);
    const after = await env.deps.database.db.select().from(users);
    expect(after.length).toBe(before.length);
  });
});

describe('who may manage staff', () => {
  const cases: [Person, number][] = [
    ['schoolAdmin', 200],
    ['head', 200],
    ['smhl', 403],
    ['dsl', 403],
    ['tutor', 403],
    ['parent', 403],
    ['pupil', 403],
    ['otherHead', 404],
    ['trustLead', 404],
  ];
  it.each(cases)('%s listing Kingsmead staff gets %i', async (person, status) => {
    const c = await env.as(person);
    const res = await c.get(staffUrl());
    expect(res.status).toBe(status);
  });

  it('a tutor cannot invite anyone, and a head of another school cannot even see the school', async () => {
    const tutor = await env.as('tutor');
    expect((await tutor.post(staffUrl(), { email: 'a@b.example', displayName: 'A', roles: ['dsl'] })).status).toBe(403);
    const other = await env.as('otherHead');
    expect((await other.post(staffUrl(), { email: 'a@b.example', displayName: 'A', roles: ['dsl'] })).status).toBe(404);
    expect((await other.get(`/api/schools/${env.world.kingsmead}`)).status).toBe(404);
    expect((await other.get(`/api/schools/${env.world.kingsmead}/staff/${env.world.userId('dsl')}`)).status).toBe(404);
  });

  it('signed-out requests are refused', async () => {
    expect((await env.client().get(staffUrl())).status).toBe(401);
  });
});

describe('roles', () => {
  it('gives and removes a role, keeping the history of who held it', async () => {
    const head = await env.as('head');
    const tutorId = env.world.userId('tutor');
    const granted = await head.post<StaffMember>(`${staffUrl()}/${tutorId}/roles`, { role: 'pastoral_lead' });
    expect(granted.status).toBe(200);
    expect(granted.body.roles.sort()).toEqual(['pastoral_lead', 'teacher']);
    const dup = await head.post(`${staffUrl()}/${tutorId}/roles`, { role: 'pastoral_lead' });
    expect(dup.status).toBe(409);
    const removed = await head.delete<{ member: StaffMember }>(`${staffUrl()}/${tutorId}/roles/pastoral_lead`);
    expect(removed.body.member.roles).toEqual(['teacher']);
    const history = await env.deps.database.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, tutorId), eq(roleAssignments.role, 'pastoral_lead')));
    expect(history).toHaveLength(1);
    expect(history[0]?.revokedAt).not.toBeNull();
    expect(history[0]?.revokedBy).toBe(env.world.userId('head'));
  });

  it('a removed role stops working at once', async () => {
    const head = await env.as('head');
    const lucy = await env.as('deputyDsl');
    expect((await lucy.get(`/api/schools/${env.world.kingsmead}/audit`)).status).toBe(200);
    await head.delete(`${staffUrl()}/${env.world.userId('deputyDsl')}/roles/deputy_dsl`);
    expect((await lucy.get(`/api/schools/${env.world.kingsmead}/audit`)).status).toBe(404);
    await head.post(`${staffUrl()}/${env.world.userId('deputyDsl')}/roles`, { role: 'deputy_dsl' });
  });

  it('an administrator cannot remove their own administration role', async () => {
    const admin = await env.as('schoolAdmin');
    const res = await admin.delete(`${staffUrl()}/${env.world.userId('schoolAdmin')}/roles/school_admin`);
    expect(res.status).toBe(403);
    const active = await env.deps.database.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, env.world.userId('schoolAdmin')), isNull(roleAssignments.revokedAt)));
    expect(active).toHaveLength(1);
  });

  it('resends an invitation only while it is unused, and the old link stops working', async () => {
    const admin = await env.as('schoolAdmin');
    const invited = await admin.post<StaffMember>(staffUrl(), {
      email: 'resend@kingsmead.example',
      displayName: 'Rhys Jones',
      roles: ['first_aider'],
    });
    const [first] = await env.smtp.messagesTo('resend@kingsmead.example');
    expect((await admin.post(`${staffUrl()}/${invited.body.userId}/resend-invitation`)).status).toBe(200);
    const mails = await env.smtp.messagesTo('resend@kingsmead.example', 2);
    expect(mails).toHaveLength(2);
    const oldToken = /token=([\w-]+)/.exec(first?.text ?? '')?.[1] ?? '';
    expect((await env.client().post('/api/auth/password/check-token', { token: oldToken })).status).toBe(404);
    const accepted = await admin.post(`${staffUrl()}/${env.world.userId('tutor')}/resend-invitation`);
    expect(accepted.status).toBe(409);
  });
});

describe('the staff directory for giving out actions', () => {
  const cases: [Person, number][] = [
    ['smhl', 200],
    ['dsl', 200],
    ['sendco', 200],
    ['schoolAdmin', 200],
    ['pastoral', 200],
    ['earlyHelp', 200],
    ['tutor', 403],
    ['support', 403],
    ['parent', 403],
    ['otherHead', 404],
  ];
  it.each(cases)('%s gets %i, and it carries names and roles only', async (person, status) => {
    const res = await (
      await env.as(person)
    ).get<{ staff: Record<string, unknown>[] }>(`/api/schools/${env.world.kingsmead}/staff-directory`);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body.staff.length).toBeGreaterThan(10);
      expect(Object.keys(res.body.staff[0]!).sort()).toEqual(['displayName', 'roles', 'userId']);
    }
  });
});
