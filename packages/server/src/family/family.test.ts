import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { contacts, familyMessages, interventions, pupils } from '@tandem/core/schema';
import type {
  ConcernSummary,
  FamilyContactsResponse,
  FamilyMeResponse,
  FamilySettings,
  ParentChildView,
} from '@tandem/core';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let smhl: TestClient;
let parent: TestClient;
let olivia: string;
let emmaContact: string;
let danielContact: string;

const staff = () => `/api/schools/${env.world.kingsmead}/family`;
const fam = (pupilId = olivia, school = env.world.kingsmead) => `/api/family/schools/${school}/children/${pupilId}`;

async function pupilByName(given: string, family: string) {
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.givenName, given), eq(pupils.familyName, family)));
  return p!;
}

async function contactOf(pupilId: string, name: string) {
  const [c] = await env.deps.database.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.pupilId, pupilId), eq(contacts.name, name)));
  return c!;
}

/** An invitable contact of another pupil of the school (first contact, with an e-mail address). */
async function someInvitableContact(skip: string[] = []) {
  const rows = await env.deps.database.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.schoolId, env.world.kingsmead), isNotNull(contacts.email)));
  return rows.find((c) => c.pupilId !== olivia && !c.userId && !skip.includes(c.id))!;
}

/** The set-password link's token from an invitation e-mail. */
function tokenFrom(text: string): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return m[1]!;
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  parent = await env.as('parent');
  olivia = (await pupilByName('Olivia', 'Clarke')).id;
  emmaContact = (await contactOf(olivia, 'Emma Clarke')).id;
  danielContact = (await contactOf(olivia, 'Daniel Clarke')).id;
});
afterAll(() => env.close());

describe('a parent’s own account', () => {
  it('lists the children it sees, and a parent opens their child', async () => {
    const me = await parent.get<FamilyMeResponse>('/api/family/me');
    expect(me.status, me.text).toBe(200);
    expect(me.body.kind).toBe('parent');
    expect(me.body.children.map((c) => c.name)).toContain('Olivia Clarke');
    const view = await parent.get<ParentChildView>(fam());
    expect(view.status, view.text).toBe(200);
    expect(view.body.child.firstName).toBe('Olivia');
  });

  it('is 404 for a staff-only account, and staff cannot open the parent view', async () => {
    expect((await smhl.get('/api/family/me')).status).toBe(404);
    expect((await smhl.get(fam())).status).toBe(403);
  });

  it('gives 404 for another child of the school, exactly as for a child who does not exist', async () => {
    const other = (await someInvitableContact()).pupilId;
    const a = await parent.get(fam(other));
    const b = await parent.get(fam(randomUUID()));
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.body).toEqual(b.body);
  });

  it('gives 404 for a child in a school where they are not a parent', async () => {
    expect((await parent.get(fam(olivia, env.world.willow))).status).toBe(404);
  });

  it('a parent with a child in each school sees both, and a contact row not linked to them (not invited) is 404', async () => {
    const jamal = env.client();
    await jamal.signIn('jamal.hussain@family.example', undefined, null);
    const me = await jamal.get<FamilyMeResponse>('/api/family/me');
    expect(me.body.children.map((c) => c.schoolId).sort()).toEqual([env.world.kingsmead, env.world.willow].sort());
    for (const c of me.body.children) expect((await jamal.get(fam(c.pupilId, c.schoolId))).status).toBe(200);
    // The school holds Jamal's address as a contact of Olivia too, but never invited him for her.
    await env.deps.database.db.insert(contacts).values({
      schoolId: env.world.kingsmead,
      pupilId: olivia,
      name: 'Jamal Hussain',
      relationship: 'Family friend',
      email: 'jamal.hussain@family.example',
      parentalResponsibility: true,
      priority: 3,
    });
    expect((await jamal.get(fam())).status).toBe(404);
  });

  it('turns news e-mails off and on', async () => {
    expect((await parent.put('/api/family/preferences', { emailNews: false })).body).toEqual({ emailNews: false });
    expect((await parent.get<FamilyMeResponse>('/api/family/me')).body.emailNews).toBe(false);
    await parent.put('/api/family/preferences', { emailNews: true });
  });
});

describe('telling the school', () => {
  const text = 'She has not been sleeping since her grandad died. Marker tell-5d2e.';
  let messageId: string;
  const key = randomUUID();

  it('reaches the lead’s queue, marked as from a parent, and the parent sees it as received', async () => {
    const sent = await parent.post<{ id: string }>(`${fam()}/messages`, { text, submissionKey: key });
    expect(sent.status, sent.text).toBe(200);
    messageId = sent.body.id;
    const again = await parent.post<{ id: string }>(`${fam()}/messages`, { text, submissionKey: key });
    expect(again.body.id).toBe(messageId);
    const queue = await smhl.get<{ concerns: ConcernSummary[] }>(
      `/api/schools/${env.world.kingsmead}/concerns?queue=mental_health`,
    );
    const fromParent = queue.body.concerns.filter((c) => c.fromParent);
    expect(fromParent).toHaveLength(1);
    // The parent who sent it knows: nothing for the school to tell them.
    expect(fromParent[0]).toMatchObject({ parentsStatus: 'told' });
    const view = await parent.get<ParentChildView>(fam());
    expect(view.body.messages[0]).toMatchObject({ id: messageId, text, state: 'received', readAt: null });
  });

  it('shows "read" once the lead has acknowledged it', async () => {
    const [m] = await env.deps.database.db.select().from(familyMessages).where(eq(familyMessages.id, messageId));
    const ack = await smhl.post(`/api/schools/${env.world.kingsmead}/concerns/${m!.concernId}/acknowledge`);
    expect(ack.status, ack.text).toBe(200);
    const view = await parent.get<ParentChildView>(fam());
    expect(view.body.messages.find((x) => x.id === messageId)).toMatchObject({ state: 'read' });
  });

  it('refuses an empty message with a clear message, and keeps nothing', async () => {
    const before = (await env.deps.database.db.select().from(familyMessages)).length;
    const res = await parent.post<{ error: { message: string; fields: { path: string; message: string }[] } }>(
      `${fam()}/messages`,
      { text: '   ', submissionKey: randomUUID() },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.message).toBe('Tell us what is happening');
    expect((await env.deps.database.db.select().from(familyMessages)).length).toBe(before);
  });
});

describe('asking for support in school', () => {
  it('joins the chosen waiting list as a request from a parent', async () => {
    const view = await parent.get<ParentChildView>(fam());
    const offer = view.body.supportOffers[0];
    expect(offer).toBeDefined();
    const res = await parent.post<{ id: string }>(`${fam()}/support-requests`, {
      interventionId: offer!.interventionId,
      text: 'She enjoyed the group last year.',
      submissionKey: randomUUID(),
    });
    expect(res.status, res.text).toBe(200);
    const [m] = await env.deps.database.db.select().from(familyMessages).where(eq(familyMessages.id, res.body.id));
    expect(m!.placeId).not.toBeNull();
    const after = await parent.get<ParentChildView>(fam());
    expect(after.body.messages.find((x) => x.id === res.body.id)).toMatchObject({
      kind: 'support',
      interventionName: offer!.name,
    });
  });

  it('goes to the lead’s queue when the parent does not know which support would help', async () => {
    const res = await parent.post<{ id: string }>(`${fam()}/support-requests`, {
      interventionId: null,
      text: 'Something to help with worry.',
      submissionKey: randomUUID(),
    });
    expect(res.status, res.text).toBe(200);
    const [m] = await env.deps.database.db.select().from(familyMessages).where(eq(familyMessages.id, res.body.id));
    expect(m!.concernId).not.toBeNull();
  });

  it('refuses an intervention the school does not run (404) and records nothing', async () => {
    const res = await parent.post(`${fam()}/support-requests`, {
      interventionId: randomUUID(),
      text: 'Please',
      submissionKey: randomUUID(),
    });
    expect(res.status).toBe(404);
  });
});

describe('invitations and the no-access flag', () => {
  it('lists parents and carers with where each stands; a teacher cannot', async () => {
    const list = await smhl.get<FamilyContactsResponse>(`${staff()}/contacts?q=Clarke`);
    expect(list.status, list.text).toBe(200);
    const emma = list.body.rows.find((r) => r.contactId === emmaContact);
    const daniel = list.body.rows.find((r) => r.contactId === danielContact);
    expect(emma).toMatchObject({ state: 'signed_up' });
    expect(daniel).toMatchObject({
      state: 'not_invitable',
      notInvitableReason: 'The school holds no e-mail address for them',
    });
    const tutor = await env.as('tutor');
    expect((await tutor.get(`${staff()}/contacts`)).status).toBe(403);
    const other = await env.as('otherHead');
    expect((await other.get(`${staff()}/contacts`)).status).toBe(404);
  });

  it('refuses to invite a contact without an e-mail address, and one marked "no contact"', async () => {
    const res = await smhl.post<{ error: { message: string } }>(`${staff()}/contacts/${danielContact}/invite`);
    expect(res.status).toBe(409);
    const c = await someInvitableContact();
    await env.deps.database.db.update(contacts).set({ noContact: true }).where(eq(contacts.id, c.id));
    const res2 = await smhl.post<{ error: { message: string } }>(`${staff()}/contacts/${c.id}/invite`);
    expect(res2.status).toBe(409);
    expect(res2.body.error.message).toContain('not to contact');
    await env.deps.database.db.update(contacts).set({ noContact: false }).where(eq(contacts.id, c.id));
  });

  it('invites a parent by e-mail; they set a password and see their child, and only their child', async () => {
    const c = await someInvitableContact();
    const res = await smhl.post<{ state: string }>(`${staff()}/contacts/${c.id}/invite`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.state).toBe('invited');
    const [mail] = await env.smtp.messagesTo(c.email!);
    const pupil = (await env.deps.database.db.select().from(pupils).where(eq(pupils.id, c.pupilId)))[0]!;
    expect(mail!.text).not.toContain(pupil.givenName);
    expect(mail!.subject).not.toContain(pupil.givenName);
    const token = tokenFrom(mail!.text);
    const anon = env.client();
    const set = await anon.post('/api/auth/password/reset', { token, password: 'a long new family password 1' });
    expect(set.status, set.text).toBe(200);
    const them = env.client();
    await them.signIn(c.email!, 'a long new family password 1', null);
    const me = await them.get<FamilyMeResponse>('/api/family/me');
    expect(me.body.children.map((x) => x.pupilId)).toEqual([c.pupilId]);
    expect((await them.get(fam(c.pupilId))).status).toBe(200);
    expect((await them.get(fam(olivia))).status).toBe(404);
    const list = await smhl.get<FamilyContactsResponse>(`${staff()}/contacts?state=signed_up`);
    expect(list.body.rows.some((r) => r.contactId === c.id)).toBe(true);
  });

  it('the no-access flag makes the child 404 for that parent at once, and is audited; lifting it gives access back', async () => {
    const tutor = await env.as('tutor');
    expect(
      (
        await tutor.post(`${staff()}/contacts/${emmaContact}/no-access`, {
          reasonKind: 'court_order',
          reason: 'Order of 1 Dec',
        })
      ).status,
    ).toBe(403);
    const noReason = await smhl.post(`${staff()}/contacts/${emmaContact}/no-access`, {
      reasonKind: 'school_decision',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const set = await smhl.post(`${staff()}/contacts/${emmaContact}/no-access`, {
      reasonKind: 'court_order',
      reason: 'Order of 1 Dec',
    });
    expect(set.status, set.text).toBe(200);
    const refused = await parent.get(fam());
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual((await parent.get(fam(randomUUID()))).body);
    expect((await parent.get<FamilyMeResponse>('/api/family/me')).body.children).toEqual([]);
    expect((await parent.post(`${fam()}/messages`, { text: 'hello', submissionKey: randomUUID() })).status).toBe(404);
    const listed = await smhl.get<FamilyContactsResponse>(`${staff()}/contacts?state=no_access`);
    expect(listed.body.rows.find((r) => r.contactId === emmaContact)?.noAccess).toMatchObject({
      reasonKind: 'court_order',
    });
    const lift = await smhl.post(`${staff()}/contacts/${emmaContact}/no-access/lift`, { reason: 'Order discharged' });
    expect(lift.status, lift.text).toBe(200);
    expect((await parent.get(fam())).status).toBe(200);
  });
});

describe('portal settings', () => {
  it('are read with defaults from seed 000, saved with a version, and a stale save is refused', async () => {
    const got = await smhl.get<FamilySettings>(`${staff()}/settings`);
    expect(got.status, got.text).toBe(200);
    expect(got.body.partnership.questions.length).toBeGreaterThan(3);
    const { updatedAt: _u, updatedByName: _n, ...body } = got.body;
    const saved = await smhl.put<FamilySettings>(`${staff()}/settings`, {
      ...body,
      helpLocation: 'Student Services, by the main office',
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.version).toBe(body.version + 1);
    const stale = await smhl.put(`${staff()}/settings`, { ...body, helpLocation: 'Somewhere else' });
    expect(stale.status).toBe(409);
    const tutor = await env.as('tutor');
    expect((await tutor.put(`${staff()}/settings`, { ...body, version: saved.body.version })).status).toBe(403);
    const partnership = await parent.get<{ statement: { intro: string } }>(
      `/api/family/schools/${env.world.kingsmead}/partnership`,
    );
    expect(partnership.status).toBe(200);
    expect(partnership.body.statement.intro).toBe(got.body.partnership.intro);
  });
});

describe('news e-mails', () => {
  it('tell each parent, content-free, once, when something new is shared', async () => {
    const { tellFamily } = await import('../platform/family-news');
    await tellFamily(env.deps.database.db, { schoolId: env.world.kingsmead, pupilId: olivia, now: env.clock.now() });
    await tellFamily(env.deps.database.db, { schoolId: env.world.kingsmead, pupilId: olivia, now: env.clock.now() });
    const before = (await env.smtp.messagesTo(PEOPLE.parent, 0)).length;
    await runDueJobs(env.deps);
    const mails = await env.smtp.messagesTo(PEOPLE.parent, before + 1);
    const news = mails.slice(before);
    expect(news).toHaveLength(1);
    expect(news[0]!.subject).toBe('There is something new for you in Tandem');
    expect(news[0]!.text).not.toContain('Olivia');
    await runDueJobs(env.deps);
    expect((await env.smtp.messagesTo(PEOPLE.parent, 0)).length).toBe(before + 1);
  });

  it('are not sent to a parent who turned them off', async () => {
    await parent.put('/api/family/preferences', { emailNews: false });
    const before = (await env.smtp.messagesTo(PEOPLE.parent, 0)).length;
    const { tellFamily } = await import('../platform/family-news');
    await tellFamily(env.deps.database.db, { schoolId: env.world.kingsmead, pupilId: olivia, now: env.clock.now() });
    await runDueJobs(env.deps);
    await new Promise((r) => setTimeout(r, 200));
    expect((await env.smtp.messagesTo(PEOPLE.parent, 0)).length).toBe(before);
    await parent.put('/api/family/preferences', { emailNews: true });
  });
});

describe('interventions the school runs are what a parent may ask for', () => {
  it('lists only interventions running at the child’s school', async () => {
    const view = await parent.get<ParentChildView>(fam());
    const running = await env.deps.database.db
      .select({ id: interventions.id })
      .from(interventions)
      .where(and(eq(interventions.schoolId, env.world.kingsmead), eq(interventions.status, 'running')));
    const ids = new Set(running.map((a) => a.id));
    expect(view.body.supportOffers.length).toBeGreaterThan(0);
    expect(view.body.supportOffers.every((o) => ids.has(o.interventionId))).toBe(true);
  });
});
