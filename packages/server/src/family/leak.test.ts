/**
 * The family portals' leak test: a case holding a restricted safeguarding concern, a
 * possible-child-protection concern, an ordinary concern, a restricted referral, a staff-only plan
 * section (in a plan that IS shared with home), meeting notes, and a check-in note passed to the
 * DSL, each with a unique marker. Then every family route the app registers is requested as the
 * parent and as the pupil (pages' API, letters, PDFs), and every e-mail the parent received is
 * read: no marker may appear anywhere.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { levelShares, pupils, questionnaires } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { pageTexts } from '../../test/pdf-text';
import { runDueJobs } from '../platform/jobs';

const MARK = {
  restrictedConcern: 'LEAK-restricted-3f9a',
  childProtection: 'LEAK-cp-71b2',
  ordinaryConcern: 'LEAK-concern-c04d',
  restrictedReferral: 'LEAK-referral-9e1f',
  staffSection: 'LEAK-staffsection-5a6b',
  adjustment: 'LEAK-adjustment-2d8c',
  meetingNotes: 'LEAK-meeting-notes-7f3e',
  staffMeetingStep: 'LEAK-staff-step-4c2a',
  checkinRisk: 'LEAK-checkin-kill myself',
};

let env: TestEnv;
let olivia: string;
let parent: TestClient;
let pupil: TestClient;

const school = () => `/api/schools/${env.world.kingsmead}`;
const day = (n: number) => new Date(env.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(p: Promise<{ status: number; text: string; body: T }>, want = [200, 201]) {
  const res = await p;
  if (!want.includes(res.status)) throw new Error(`${res.status} ${res.text}`);
  return res.body;
}

function concern(over: Record<string, unknown>) {
  return {
    submissionKey: randomUUID(),
    pupilIds: [olivia],
    occurredAt: new Date(env.clock.now().getTime() - 30 * 60_000).toISOString(),
    location: 'Form room',
    account: 'x',
    warningSigns: ['sleep_routine'],
    othersPresent: '',
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
  olivia = p!.id;
  const dsl = await env.as('dsl');
  const smhl = await env.as('smhl');
  const tutor = await env.as('tutor');

  // Concerns: one restricted from the start (possible child protection), one ordinary.
  await ok(
    tutor.post(
      `${school()}/concerns`,
      concern({ possibleChildProtection: true, account: MARK.childProtection, pupilWords: MARK.childProtection }),
    ),
  );
  const ordinary = await ok<{ id: string }>(
    tutor.post(`${school()}/concerns`, concern({ account: MARK.ordinaryConcern })),
  );
  const restricted = await ok<{ id: string }>(
    tutor.post(`${school()}/concerns`, concern({ account: MARK.restrictedConcern })),
  );
  await ok(dsl.post(`${school()}/concerns/${restricted.id}/restrict`, { reason: 'Moved to the safeguarding record' }));
  expect(ordinary.id).toBeTruthy();

  // A restricted social-care referral, made without asking parents.
  const ref = await ok<{ id: string }>(
    dsl.post(`${school()}/pupils/${olivia}/referrals`, { service: 'social_care', submissionKey: randomUUID() }),
  );
  const detail = await ok<{ referral: { version: number } }>(dsl.get(`${school()}/referrals/${ref.id}`));
  await ok(
    dsl.put(`${school()}/referrals/${ref.id}`, {
      parts: { reason: MARK.restrictedReferral, risk: MARK.restrictedReferral },
      consent: 'not_sought',
      consentNote: MARK.restrictedReferral,
      serviceId: null,
      version: detail.referral.version,
    }),
  );

  // A care plan shared with home, agreed, with a staff-only section and adjustment.
  const plan = await ok<{ id: string }>(
    smhl.post(`${school()}/pupils/${olivia}/plans`, {
      kind: 'care',
      content: {
        sections: {
          condition: MARK.staffSection,
          requirements: MARK.staffSection,
          schoolProvides: 'Weekly check-in with the key person.',
          homeDoes: 'Keep to a regular bedtime.',
          emergency: 'Take her to the medical room and call the first contact.',
        },
        adjustments: { exitCard: MARK.adjustment },
        contacts: [{ name: 'Emma Clarke', relationship: 'Mother', phone: '07700 900123' }],
      },
      reviewDue: day(42),
      agreementsNeeded: ['parent'],
      parentShareable: true,
      submissionKey: randomUUID(),
    }),
  );
  await ok(
    smhl.post(`${school()}/plans/${plan.id}/agreements`, {
      version: 1,
      party: 'parent',
      name: 'Emma Clarke',
      relationship: 'Mother',
      how: 'in_person',
      agreedOn: day(0),
    }),
  );
  await ok(smhl.post(`${school()}/plans/${plan.id}/agree`, { version: 1 }));

  // Meeting notes are for staff; the next steps are shared.
  await ok(
    smhl.post(`${school()}/pupils/${olivia}/meetings`, {
      kind: 'parent',
      heldAt: new Date(env.clock.now().getTime() - 86_400_000).toISOString(),
      place: 'Meeting room 2',
      attendees: [{ kind: 'parent', userId: null, name: 'Emma Clarke', role: 'Mother' }],
      aims: MARK.meetingNotes,
      notes: MARK.meetingNotes,
      nextSteps: [
        {
          description: 'Keep a sleep diary for two weeks',
          ownerUserId: null,
          ownerName: 'Emma Clarke',
          dueOn: day(14),
        },
      ],
      complete: true,
      submissionKey: randomUUID(),
    }),
  );

  // A review among staff alone: its next steps were not agreed with home.
  await ok(
    smhl.post(`${school()}/pupils/${olivia}/meetings`, {
      kind: 'mh_review',
      heldAt: new Date(env.clock.now().getTime() - 2 * 86_400_000).toISOString(),
      place: 'Student Services',
      attendees: [{ kind: 'staff', userId: env.world.userId('dsl'), name: 'Chris Okafor', role: 'DSL' }],
      notes: MARK.meetingNotes,
      nextSteps: [{ description: MARK.staffMeetingStep, ownerUserId: env.world.userId('dsl'), dueOn: day(7) }],
      complete: true,
      submissionKey: randomUUID(),
    }),
  );

  // Termly letters, so the letter routes have something to serve.
  await ok(smhl.request('POST', `${school()}/level-letters`, {}));

  // A check-in whose note opens the urgent route.
  pupil = await env.as('pupil');
  await ok(
    pupil.post(`/api/family/schools/${env.world.kingsmead}/checkins`, {
      mood: 1,
      note: MARK.checkinRisk,
      submissionKey: randomUUID(),
    }),
  );
  parent = await env.as('parent');
  // Something new for parents, so the news e-mail goes out too.
  await runDueJobs(env.deps);
});
afterAll(() => env.close());

function expectClean(where: string, text: string, own: string[] = []) {
  for (const [name, marker] of Object.entries(MARK)) {
    if (own.includes(name)) continue;
    expect(text.includes(marker), `${name} reached ${where}`).toBe(false);
  }
}

async function fill(url: string): Promise<string[]> {
  const db = env.deps.database.db;
  const letters = await db
    .select()
    .from(levelShares)
    .where(and(eq(levelShares.pupilId, olivia), eq(levelShares.audience, 'parents')));
  const qs = await db.select().from(questionnaires).where(eq(questionnaires.pupilId, olivia));
  let urls = [url.replace(':schoolId', env.world.kingsmead).replace(':pupilId', olivia)];
  const expand = (param: string, values: string[]) => {
    urls = urls.flatMap((u) => (u.includes(param) ? values.map((v) => u.replace(param, v)) : [u]));
  };
  expand(
    ':letterId',
    letters.map((l) => l.id),
  );
  expand(
    ':questionnaireId',
    qs.map((q) => q.id),
  );
  return urls.filter((u) => !u.includes(':'));
}

describe('nothing restricted or staff-only reaches a parent or a pupil', () => {
  it('through any family route, page data or PDF', async () => {
    const routes = env.app.registeredRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/family/'));
    expect(routes.length).toBeGreaterThan(5);
    let pdfs = 0;
    let answered = 0;
    for (const [who, client] of [
      ['parent', parent],
      ['pupil', pupil],
    ] as const) {
      for (const r of routes) {
        for (const url of await fill(r.url)) {
          const res = await client.get(url);
          expect(res.status, `${who} ${url}`).toBeLessThan(500);
          if (res.status === 200) answered += 1;
          const isPdf = String(res.headers['content-type'] ?? '').includes('application/pdf');
          if (isPdf) pdfs += 1;
          // A pupil sees their own check-in note: their own words, not the record's.
          expectClean(
            `${who} ${url}`,
            isPdf ? pageTexts(res.raw).join('\n') : res.text,
            who === 'pupil' ? ['checkinRisk'] : [],
          );
        }
      }
    }
    expect(answered).toBeGreaterThan(6);
    expect(pdfs).toBeGreaterThan(0);
  });

  it('the parent’s view holds the shared plan, without its staff sections', async () => {
    const view = await parent.get<{ plans: { sections: { text: string }[] }[] }>(
      `/api/family/schools/${env.world.kingsmead}/children/${olivia}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.plans.some((p) => p.sections.some((s) => s.text === 'Keep to a regular bedtime.'))).toBe(true);
    expectClean('the parent view', view.text);
  });

  it('in any e-mail the parent received', async () => {
    const mails = await env.smtp.messagesTo(PEOPLE.parent, 1);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      expectClean(`e-mail "${m.subject}"`, `${m.subject}\n${m.text}`);
      expect(m.text).not.toContain('Olivia');
    }
  });
});
