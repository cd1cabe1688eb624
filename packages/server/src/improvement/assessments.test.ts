/**
 * The whole-school self-assessment, through HTTP: the lead starts one, contributors rate statements
 * with evidence as they write (a stale save refused, nothing lost), the lead confirms once all are
 * rated and it is read-only after; year on year; and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assessmentRatings, assessments, auditEvents } from '@tandem/core/schema';
import {
  statementsOf,
  type AssessmentDetail,
  type AssessmentList,
  type AssessmentProgress,
  type EvidenceRecords,
  type SavedStatement,
} from '@tandem/core';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let head: TestClient;
let dsl: TestClient;

const base = (schoolId = env.world.kingsmead) => `/api/schools/${schoolId}/self-assessments`;
const PRINCIPLES = statementsOf('principles');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

async function start(by: TestClient, periodLabel: string, framework = 'principles') {
  const res = await by.post<{ id: string }>(base(), { framework, periodLabel });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function detail(by: TestClient, id: string) {
  const res = await by.get<AssessmentDetail>(`${base()}/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

function statementIn(d: AssessmentDetail, key: string) {
  const s = d.areas.flatMap((a) => a.statements).find((x) => x.key === key);
  if (!s) throw new Error(`no statement ${key}`);
  return s;
}

async function save(by: TestClient, id: string, key: string, body: Record<string, unknown>) {
  return by.put<SavedStatement & Err>(`${base()}/${id}/statements/${key}`, body);
}

async function rate(by: TestClient, id: string, key: string, rating: string, evidenceText = '') {
  const version = statementIn(await detail(by, id), key).version;
  const res = await save(by, id, key, { rating, evidenceText, evidence: [], version });
  expect(res.status, res.text).toBe(200);
  return res.body.statement;
}

async function countAssessments() {
  return (await env.deps.database.db.select().from(assessments).where(eq(assessments.schoolId, env.world.kingsmead)))
    .length;
}

async function storedRating(id: string, key: string) {
  const [row] = await env.deps.database.db
    .select()
    .from(assessmentRatings)
    .where(and(eq(assessmentRatings.assessmentId, id), eq(assessmentRatings.statementKey, key)));
  return row;
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  head = await env.as('head');
  dsl = await env.as('dsl');
});
afterAll(async () => {
  await env.close();
});

describe('who may do what', () => {
  let id: string;
  beforeAll(async () => {
    id = await start(head, 'Autumn term 2026');
  });

  it.each<[Person, number]>([
    ['smhl', 200],
    ['head', 200],
    ['dsl', 200],
    ['deputyDsl', 200],
    ['sendco', 200],
    ['earlyHelp', 200],
    ['pastoral', 200],
    ['tutor', 403],
    ['support', 403],
    ['schoolAdmin', 403],
    ['otherHead', 404],
    ['trustAdmin', 404],
  ])('%s reads the list, the assessment and year on year: %i', async (person, status) => {
    const c = await env.as(person);
    expect((await c.get(base())).status).toBe(status);
    expect((await c.get(`${base()}/${id}`)).status).toBe(status);
    expect((await c.get(`${base()}/progress?framework=principles`)).status).toBe(status);
    expect((await c.get(`${base()}/evidence-records`)).status).toBe(status);
  });

  it('a parent and a pupil get nothing', async () => {
    for (const person of ['parent', 'pupil'] as const) {
      const c = await env.as(person);
      expect([403, 404]).toContain((await c.get(`${base()}/${id}`)).status);
      expect([403, 404]).toContain(
        (await save(c, id, 'principles.ethos.1', { rating: 'embedded', version: 0 })).status,
      );
    }
  });

  it('contributors rate; a teacher may not; only the lead starts and confirms', async () => {
    expect((await save(dsl, id, 'principles.ethos.1', { rating: 'emerging', version: 0 })).status).toBe(200);
    const tutor = await env.as('tutor');
    expect((await save(tutor, id, 'principles.ethos.2', { rating: 'embedded', version: 0 })).status).toBe(403);
    expect((await dsl.post(base(), { framework: 'county', periodLabel: '2027' })).status).toBe(403);
    expect((await dsl.post(`${base()}/${id}/confirm`, {})).status).toBe(403);
    expect((await tutor.post(`${base()}/${id}/confirm`, {})).status).toBe(403);
  });

  it("another school's people get 404 for this school's assessment, even through their own school", async () => {
    const other = await env.as('otherHead');
    expect((await other.get(`${base(env.world.willow)}/${id}`)).status).toBe(404);
    expect((await save(other, id, 'principles.ethos.1', { rating: 'embedded', version: 1 })).status).toBe(404);
    const viaOwn = await other.put(`${base(env.world.willow)}/${id}/statements/principles.ethos.1`, {
      rating: 'embedded',
      version: 1,
    });
    expect(viaOwn.status).toBe(404);
    expect((await other.post(`${base(env.world.willow)}/${id}/confirm`, {})).status).toBe(404);
    expect((await storedRating(id, 'principles.ethos.1'))?.rating).toBe('emerging');
  });

  it('the lead confirms it once every statement is rated; then it is read-only', async () => {
    const refused = await head.post<Err>(`${base()}/${id}/confirm`, {});
    expect(refused.status).toBe(400);
    const left = PRINCIPLES.length - 1;
    expect(refused.body.error.message).toBe(
      `${String(left)} statements are not rated yet. Rate every statement before confirming.`,
    );
    expect(refused.body.error.fields).toHaveLength(left);
    for (const s of PRINCIPLES.filter((x) => x.key !== 'principles.ethos.1'))
      await rate(smhl, id, s.key, 'established');
    const list = (await smhl.get<AssessmentList>(base())).body.assessments.find((a) => a.id === id);
    expect(list).toMatchObject({ rated: PRINCIPLES.length, total: PRINCIPLES.length, status: 'draft' });

    expect((await head.post(`${base()}/${id}/confirm`, {})).status).toBe(200);
    const d = await detail(smhl, id);
    expect(d.assessment.status).toBe('confirmed');
    expect(d.assessment.confirmed?.name).toBeTruthy();
    expect(d.mayEdit).toBe(false);
    const after = await save(smhl, id, 'principles.ethos.1', { rating: 'embedded', version: 1 });
    expect(after.status).toBe(409);
    expect(after.body.error.message).toContain('confirmed');
    expect((await head.post(`${base()}/${id}/confirm`, {})).status).toBe(409);
    const trail = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(trail.filter((e) => e.action === 'assessment.confirmed')).toHaveLength(1);
    expect(trail.filter((e) => e.action === 'assessment.started')).toHaveLength(1);
  });
});

describe('starting', () => {
  it('refuses bad input with a clear message and changes nothing', async () => {
    const before = await countAssessments();
    const noPeriod = await smhl.post<Err>(base(), { framework: 'county', periodLabel: '  ' });
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.error.fields?.[0]?.path).toBe('periodLabel');
    expect((await smhl.post(base(), { framework: 'national', periodLabel: '2026 to 2027' })).status).toBe(400);
    expect((await smhl.post(base(), { framework: 'principles', periodLabel: 'x', extra: 1 })).status).toBe(400);
    expect(await countAssessments()).toBe(before);
  });
});

describe('rating and evidence, saved statement by statement', () => {
  let id: string;
  const key = 'principles.leadership.2';

  beforeAll(async () => {
    id = await start(smhl, '2026 to 2027');
  });

  it('a second draft of the same framework is refused while one is open', async () => {
    const before = await countAssessments();
    const res = await head.post<Err>(base(), { framework: 'principles', periodLabel: 'Spring term 2027' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('already a self-assessment in draft');
    expect(await countAssessments()).toBe(before);
  });

  it('follows the last confirmed assessment, whose ratings show beside each statement', async () => {
    const d = await detail(smhl, id);
    expect(d.previous?.periodLabel).toBe('Autumn term 2026');
    expect(d.areas.map((a) => a.key)).toHaveLength(8);
    expect(statementIn(d, 'principles.ethos.1').previousRating).toBe('emerging');
    expect(statementIn(d, key)).toMatchObject({
      version: 0,
      rating: null,
      previousRating: 'established',
      lastChanged: null,
    });
  });

  it('saves a rating with text and a link; records who and when; audits identifiers only', async () => {
    const res = await save(dsl, id, key, {
      rating: 'emerging',
      evidenceText: 'Lead named in September; training booked for spring.',
      evidence: [{ kind: 'link', url: 'https://example.org/smhl-training', label: 'Training booking' }],
      version: 0,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.statement).toMatchObject({
      rating: 'emerging',
      version: 1,
      evidence: [{ kind: 'link', url: 'https://example.org/smhl-training', label: 'Training booking' }],
    });
    expect(res.body.statement.lastChanged?.name).toBe('Chris Okafor');
    const trail = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    const rated = trail.find((e) => e.action === 'assessment.rated');
    expect(rated?.detail).toEqual({ statementKey: key, rating: 'emerging' });
    expect(trail.find((e) => e.action === 'assessment.evidence_changed')?.detail).toEqual({
      statementKey: key,
      items: 1,
    });
    expect(JSON.stringify(trail)).not.toContain('training booked');
  });

  it('refuses a save made against an older version (409), keeping what is stored', async () => {
    const res = await save(smhl, id, key, { rating: 'embedded', evidenceText: 'My words', version: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Someone else saved this statement');
    const row = await storedRating(id, key);
    expect(row).toMatchObject({ rating: 'emerging', version: 1 });
    const again = await save(smhl, id, key, { rating: 'established', evidenceText: 'My words', version: 1 });
    expect(again.status).toBe(200);
    expect(again.body.statement).toMatchObject({ version: 2, rating: 'established', evidence: [] });
  });

  it('refuses bad evidence with a clear message and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [[{ kind: 'link', url: 'http://insecure.example', label: 'x' }], 'evidence.0.url'],
      [[{ kind: 'link', url: 'https://ok.example', label: '' }], 'evidence.0.label'],
      [[{ kind: 'record', recordKind: 'policy', recordId: 'not-offered' }], 'evidence.0'],
      [[{ kind: 'document', documentId: '00000000-0000-4000-8000-000000000000' }], 'evidence'],
      [[{ kind: 'pupil', pupilId: 'x' }], 'evidence.0.kind'],
    ];
    for (const [evidence, path] of cases) {
      const res = await save(smhl, id, key, { rating: 'embedded', evidenceText: 'Changed', evidence, version: 2 });
      expect(res.status, JSON.stringify(evidence)).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toContain(path);
    }
    expect((await save(smhl, id, key, { rating: 'great', version: 2 })).status).toBe(400);
    expect((await save(smhl, id, 'principles.nope.1', { rating: 'emerging', version: 0 })).status).toBe(404);
    expect((await save(smhl, id, 'county.ethos.1', { rating: 'emerging', version: 0 })).status).toBe(404);
    expect(await storedRating(id, key)).toMatchObject({ rating: 'established', version: 2, evidenceText: 'My words' });
  });

  it("cites a document of the school, but not another school's", async () => {
    const up = await smhl.request<{ id: string }>(
      'POST',
      `/api/schools/${env.world.kingsmead}/documents?fileName=Wellbeing%20audit.pdf`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    expect(up.status, up.text).toBe(201);
    const other = await env.as('otherHead');
    const theirs = await other.request<{ id: string }>(
      'POST',
      `/api/schools/${env.world.willow}/documents?fileName=Theirs.pdf`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    expect(theirs.status).toBe(201);
    const refused = await save(smhl, id, key, {
      rating: 'established',
      evidenceText: 'My words',
      evidence: [{ kind: 'document', documentId: theirs.body.id }],
      version: 2,
    });
    expect(refused.status).toBe(400);
    const res = await save(smhl, id, key, {
      rating: 'established',
      evidenceText: 'My words',
      evidence: [{ kind: 'document', documentId: up.body.id }],
      version: 2,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.statement.evidence).toEqual([
      { kind: 'document', documentId: up.body.id, label: 'Wellbeing audit.pdf', size: PDF.length },
    ]);
    expect(res.body.statement.version).toBe(3);
  });

  it('lists the records a statement may cite, by source, and accepts one of them', async () => {
    const res = await smhl.get<EvidenceRecords>(`${base()}/evidence-records`);
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g) => g.kind)).toEqual(env.deps.registries.schoolRecords.map((s) => s.kind));
    for (const g of res.body.groups) expect(g.heading).toBeTruthy();
    const offered = res.body.groups.flatMap((g) => g.records)[0];
    if (offered) {
      const cited = await save(smhl, id, 'principles.staff_development.2', {
        rating: 'established',
        evidence: [{ kind: 'record', recordKind: offered.kind, recordId: offered.id }],
        version: 0,
      });
      expect(cited.status, cited.text).toBe(200);
      expect(cited.body.statement.evidence[0]).toMatchObject({
        kind: 'record',
        label: offered.label,
        href: offered.href,
      });
    }
  });

  it('an area rated below established links to its resources; its rating is the median rounded down', async () => {
    await rate(smhl, id, 'principles.parents.1', 'not_in_place');
    await rate(smhl, id, 'principles.parents.2', 'emerging');
    await rate(smhl, id, 'principles.parents.3', 'established');
    await rate(smhl, id, 'principles.parents.4', 'embedded');
    const area = (await detail(smhl, id)).areas.find((a) => a.key === 'principles.parents');
    expect(area?.counts).toEqual({ not_in_place: 1, emerging: 1, established: 1, embedded: 1, unrated: 0 });
    expect(area?.rating).toBe('emerging');
    expect(area?.resourcesHref).toBe(`/schools/${env.world.kingsmead}/whole-school/resources?area=principles.parents`);
    const leadership = (await detail(smhl, id)).areas.find((a) => a.key === 'principles.leadership');
    expect(leadership?.rating).toBe('established');
    expect(leadership?.resourcesHref).toBeNull();
  });

  it('year on year: each area per assessment, oldest first, the draft last and marked', async () => {
    const res = await smhl.get<AssessmentProgress>(`${base()}/progress?framework=principles`);
    expect(res.status).toBe(200);
    expect(res.body.areas).toHaveLength(8);
    expect(res.body.periods.map((p) => [p.periodLabel, p.status])).toEqual([
      ['Autumn term 2026', 'confirmed'],
      ['2026 to 2027', 'draft'],
    ]);
    const parents = res.body.areas.findIndex((a) => a.key === 'principles.parents');
    const ethos = res.body.areas.findIndex((a) => a.key === 'principles.ethos');
    expect(res.body.periods[0]?.ratings[parents]).toBe('established');
    expect(res.body.periods[0]?.ratings[ethos]).toBe('established');
    expect(res.body.periods[1]?.ratings[parents]).toBe('emerging');
    expect(res.body.periods[1]?.ratings[ethos]).toBeNull();

    const csv = await smhl.get(`${base()}/progress.csv?framework=principles`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('Area,Autumn term 2026,2026 to 2027 (draft)');
    expect(csv.text).toContain('Working with parents and carers,Established,Emerging');
    expect((await smhl.get(`${base()}/progress?framework=nope`)).status).toBe(400);
  });
});
