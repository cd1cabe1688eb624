import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { auditEvents, levelChanges, pupils } from '@tandem/core/schema';
import type { PupilProfileResponse } from '@tandem/core';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

let env: TestEnv;
let taughtPupil: string; // in 9W, tutored by Ben Wright (the demo tutor)
let otherPupil: string; // in 9K, not taught by him
let willowPupil: string;

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const [a] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  const [b] = await db
    .select()
    .from(pupils)
    .where(
      and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')),
    );
  const [c] = await db.select().from(pupils).where(eq(pupils.schoolId, env.world.willow));
  taughtPupil = a!.id;
  otherPupil = b!.id;
  willowPupil = c!.id;
  // Give the taught pupil a level so the summary has content.
  await db.update(pupils).set({ currentLevel: 'MH2' }).where(eq(pupils.id, taughtPupil));
});
afterAll(async () => {
  await env.close();
});

const pupilUrl = (id: string) => `/api/schools/${env.world.kingsmead}/pupils/${id}`;

describe('who sees what of a pupil', () => {
  it('case roles see the whole record: details, parents, level with its lists, and history', async () => {
    const smhl = await env.as('smhl');
    const res = await smhl.get<PupilProfileResponse>(pupilUrl(otherPupil));
    expect(res.status).toBe(200);
    if (res.body.view !== 'case') throw new Error('expected the case view');
    expect(res.body.pupil.upn).toMatch(/^[A-Z]\d{12}$/);
    expect(res.body.contacts.map((c) => c.name)).toContain('Emma Clarke');
    expect(res.body.level.code).toBe('MH2');
    expect(res.body.level.thriveGroup).toBe('getting_help');
    expect(res.body.level.definition?.homeToDo).toEqual(['Report any further concerns.']);
    expect(res.body.history.map((h) => h.toLevel)).toEqual(['MH2', 'MH1']);
    expect(res.body.history[0]?.evidence.length).toBeGreaterThan(0);
  });

  it('a tutor sees only the staff-shared summary of a pupil they teach: no reasons, evidence or history', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.get<PupilProfileResponse>(pupilUrl(taughtPupil));
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('summary');
    if (res.body.view !== 'summary') return;
    expect(res.body.level.code).toBe('MH2');
    expect(res.body.level.schoolProvides).toContain('Access level 2 interventions in school.');
    expect(res.text).not.toMatch(/reason|evidence|history|dateOfBirth|upn/i);
  });

  it('staff who do not teach the pupil see name and form only', async () => {
    for (const person of ['tutor', 'support', 'firstAider', 'intervention'] as Person[]) {
      const c = await env.as(person);
      const res = await c.get<PupilProfileResponse>(pupilUrl(otherPupil));
      expect(res.status).toBe(200);
      expect(res.body.view).toBe('basic');
      expect(Object.keys(res.body.pupil).sort()).toEqual([
        'familyName',
        'form',
        'givenName',
        'id',
        'preferredName',
        'yearGroup',
      ]);
      expect(res.text).not.toContain('MH2');
    }
  });

  const outsiders: [Person, number][] = [
    ['otherHead', 404],
    ['otherTeacher', 404],
    ['trustLead', 404],
    ['trustAdmin', 404],
    ['parent', 403],
    ['pupil', 403],
  ];
  it.each(outsiders)('%s asking for a Kingsmead pupil gets %i', async (person, status) => {
    const c = await env.as(person);
    expect((await c.get(pupilUrl(otherPupil))).status).toBe(status);
  });

  it("a Kingsmead lead asking for a Willow Brook pupil through Kingsmead's address gets 404", async () => {
    const smhl = await env.as('smhl');
    expect((await smhl.get(pupilUrl(willowPupil))).status).toBe(404);
    expect((await smhl.get(`/api/schools/${env.world.willow}/pupils/${willowPupil}`)).status).toBe(404);
  });

  it('every open of a profile is audited with the view given', async () => {
    const tutor = await env.as('tutor');
    await tutor.get(pupilUrl(taughtPupil));
    const rows = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'pupil.viewed'),
          eq(auditEvents.subjectId, taughtPupil),
          eq(auditEvents.actorUserId, env.world.userId('tutor')),
        ),
      );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)?.detail).toEqual({ view: 'summary' });
  });
});

describe('the pupil list', () => {
  it('pages by keyset with a total, filters by year and form, and searches by name', async () => {
    const head = await env.as('head');
    const base = `/api/schools/${env.world.kingsmead}/pupils`;
    type List = {
      pupils: { id: string; familyName: string; givenName: string; form: string; level?: string | null }[];
      total: number;
      nextAfter: string | null;
    };
    const first = await head.get<List>(`${base}?limit=25`);
    expect(first.body.total).toBe(60);
    expect(first.body.pupils).toHaveLength(25);
    const second = await head.get<List>(`${base}?limit=25&after=${first.body.nextAfter}`);
    const third = await head.get<List>(`${base}?limit=25&after=${second.body.nextAfter}`);
    expect(third.body.pupils).toHaveLength(10);
    expect(third.body.nextAfter).toBeNull();
    const all = [...first.body.pupils, ...second.body.pupils, ...third.body.pupils];
    expect(new Set(all.map((p) => p.id)).size).toBe(60);
    const names = all.map((p) => `${p.familyName}|${p.givenName}`);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const year9 = await head.get<List>(`${base}?yearGroup=9&limit=100`);
    expect(year9.body.pupils.every((p) => p.form.startsWith('9'))).toBe(true);
    const search = await head.get<List>(`${base}?search=clarke%20oli`);
    expect(search.body.pupils.map((p) => p.givenName)).toContain('Olivia');
    const injection = await head.get<List>(`${base}?search=%25`);
    expect(injection.body.total).toBe(0);
    expect((await head.get(`${base}?after=not-a-cursor`)).status).toBe(400);
    expect((await head.get(`${base}?yearGroup=nine`)).status).toBe(400);
  });

  it('case roles filter by level and characteristic; a tutor may not, and sees levels only of pupils they teach', async () => {
    const base = `/api/schools/${env.world.kingsmead}/pupils`;
    type List = { pupils: { id: string; level?: string | null }[]; total: number; canSeeCase: boolean };
    const smhl = await env.as('smhl');
    const mh2 = await smhl.get<List>(`${base}?level=MH2&limit=100`);
    expect(mh2.body.pupils.every((p) => p.level === 'MH2')).toBe(true);
    expect(mh2.body.pupils.map((p) => p.id)).toContain(otherPupil);
    const pp = await smhl.get<List>(`${base}?characteristic=pupil_premium&limit=100`);
    const [{ n } = { n: 0 }] = await env.deps.database.raw<{ n: number }>(
      `select count(*)::int as n from pupils where school_id = $1 and pupil_premium and left_on is null`,
      [env.world.kingsmead],
    );
    expect(pp.body.total).toBe(n);

    const tutor = await env.as('tutor');
    expect((await tutor.get(`${base}?level=MH2`)).status).toBe(403);
    expect((await tutor.get(`${base}?characteristic=looked_after`)).status).toBe(403);
    const list = await tutor.get<List>(`${base}?limit=100`);
    expect(list.body.canSeeCase).toBe(false);
    const withLevel = list.body.pupils.filter((p) => 'level' in p);
    expect(withLevel.map((p) => p.id)).toContain(taughtPupil);
    expect(withLevel.map((p) => p.id)).not.toContain(otherPupil);

    expect((await (await env.as('parent')).get(base)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(base)).status).toBe(404);
  });
});

describe('setting a level', () => {
  it('the lead moves a pupil up with a reason and evidence; history keeps the wording in force', async () => {
    const smhl = await env.as('smhl');
    const res = await smhl.post<{ level: string }>(`${pupilUrl(otherPupil)}/level`, {
      level: 'MH3',
      reason: 'Deterioration reported by parent and Head of Year.',
      evidence: [{ kind: 'information_from_home', description: 'Parent reports self-harm marks seen at the weekend.' }],
      expectedCurrentLevel: 'MH2',
    });
    expect(res.status).toBe(200);
    const profile = await smhl.get<PupilProfileResponse>(pupilUrl(otherPupil));
    if (profile.body.view !== 'case') throw new Error('expected case');
    expect(profile.body.level.code).toBe('MH3');
    expect(profile.body.history[0]).toMatchObject({ fromLevel: 'MH2', toLevel: 'MH3', changedByName: 'Sam Patel' });
    expect(profile.body.history[0]?.definition?.name).toBe('Mental Health Level 3');
    const chronology = await smhl.get<{ entries: { kind: string; title: string }[] }>(
      `${pupilUrl(otherPupil)}/chronology`,
    );
    expect(chronology.body.entries[0]).toMatchObject({ kind: 'level_change', title: 'Level changed from MH2 to MH3' });
  });

  it('moving up without evidence is refused with a clear message and changes nothing', async () => {
    const smhl = await env.as('smhl');
    const before = await env.deps.database.db.select().from(levelChanges).where(eq(levelChanges.pupilId, otherPupil));
    const res = await smhl.post<{ error: { message: string; fields: { path: string }[] } }>(
      `${pupilUrl(otherPupil)}/level`,
      {
        level: 'MH4',
        reason: 'Worse',
        evidence: [],
        expectedCurrentLevel: 'MH3',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('needs evidence');
    expect(res.body.error.fields[0]?.path).toBe('evidence');
    const after = await env.deps.database.db.select().from(levelChanges).where(eq(levelChanges.pupilId, otherPupil));
    expect(after.length).toBe(before.length);
  });

  it('moving down needs only a reason; a stale form is refused rather than overwriting', async () => {
    const smhl = await env.as('smhl');
    const down = await smhl.post(`${pupilUrl(otherPupil)}/level`, {
      level: 'MH2',
      reason: 'Settled after CAMHS support.',
      evidence: [],
      expectedCurrentLevel: 'MH3',
    });
    expect(down.status).toBe(200);
    const stale = await (
      await env.as('dsl')
    ).post(`${pupilUrl(otherPupil)}/level`, {
      level: null,
      reason: 'Thriving',
      evidence: [],
      expectedCurrentLevel: 'MH3',
    });
    expect(stale.status).toBe(409);
  });

  it('only case roles may set a level', async () => {
    const body = {
      level: 'MH1',
      reason: 'x',
      evidence: [{ kind: 'observation', description: 'y' }],
      expectedCurrentLevel: null,
    };
    const tutor = await env.as('tutor');
    const [thriving] = await env.deps.database.db
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '7K')));
    expect((await tutor.post(`${pupilUrl(thriving!.id)}/level`, body)).status).toBe(403);
    expect((await (await env.as('otherHead')).post(`${pupilUrl(thriving!.id)}/level`, body)).status).toBe(404);
    expect((await (await env.as('schoolAdmin')).post(`${pupilUrl(thriving!.id)}/level`, body)).status).toBe(403);
  });

  it('the chronology is for case roles only', async () => {
    expect((await (await env.as('tutor')).get(`${pupilUrl(taughtPupil)}/chronology`)).status).toBe(403);
    expect((await (await env.as('dsl')).get(`${pupilUrl(taughtPupil)}/chronology`)).status).toBe(200);
  });
});

describe('the level framework', () => {
  it('is seeded with MH1..MH5 from the partnership document; the lead rewords a level and earlier wording is kept', async () => {
    const smhl = await env.as('smhl');
    const base = `/api/schools/${env.world.kingsmead}/levels`;
    const framework = await smhl.get<{
      levels: { code: string; version: number; name: string; homeToDo: string[]; thriveGroup: string }[];
    }>(base);
    expect(framework.body.levels.map((l) => l.code)).toEqual(['MH1', 'MH2', 'MH3', 'MH4', 'MH5']);
    expect(framework.body.levels.map((l) => l.thriveGroup)).toEqual([
      'getting_advice',
      'getting_help',
      'getting_more_help',
      'getting_risk_support',
      'getting_risk_support',
    ]);
    expect(framework.body.levels[0]?.version).toBe(1);
    const body = {
      name: 'Level 1: early worries',
      description: 'Low level worries.',
      schoolProvides: ['Assemblies.'],
      homeDoes: ['Time to talk.'],
      schoolToDo: ['Questionnaire.'],
      homeToDo: ['Keep talking.'],
      evidenceToMoveUp: 'Continued concerns.',
      parentSummary: 'Some worries.',
      baseVersion: 1,
    };
    const res = await smhl.request('PUT', `${base}/MH1`, body);
    expect(res.status).toBe(200);
    const stale = await smhl.request('PUT', `${base}/MH1`, body);
    expect(stale.status).toBe(409);
    const versions = await smhl.get<{ versions: { version: number; name: string }[] }>(`${base}/MH1/versions`);
    expect(versions.body.versions.map((v) => [v.version, v.name])).toEqual([
      [1, 'Mental Health Level 1'],
      [2, 'Level 1: early worries'],
    ]);
    // Earlier level changes still show the wording in force when they were made.
    const old = await env.deps.database.db
      .select()
      .from(levelChanges)
      .where(and(eq(levelChanges.toLevel, 'MH1'), isNotNull(levelChanges.definitionId)));
    const profile = await smhl.get<PupilProfileResponse>(pupilUrl(old[0]!.pupilId));
    if (profile.body.view !== 'case') throw new Error('expected case');
    expect(profile.body.history.find((h) => h.toLevel === 'MH1')?.definition?.name).toBe('Mental Health Level 1');

    const dsl = await env.as('dsl');
    expect((await dsl.request('PUT', `${base}/MH2`, { ...body, baseVersion: 1 })).status).toBe(403);
    expect((await smhl.request('PUT', `${base}/MH2`, { ...body, schoolProvides: [''] })).status).toBe(400);
  });
});

describe('correcting a pupil’s details', () => {
  /** The version of the details as a case role reads them, which a correction names. */
  const detailsVersion = async (pupilId: string) => {
    const res = await (await env.as('smhl')).get<PupilProfileResponse>(pupilUrl(pupilId));
    if (res.body.view !== 'case') throw new Error('expected case');
    return res.body.pupil.version;
  };

  it('a case role corrects the form with a reason; the old value and reason are kept in the chronology', async () => {
    const smhl = await env.as('smhl');
    const res = await smhl.patch(pupilUrl(otherPupil), {
      form: '9W',
      youngCarer: true,
      reason: 'MIS had the wrong form',
      version: await detailsVersion(otherPupil),
    });
    expect(res.status).toBe(200);
    const profile = await smhl.get<PupilProfileResponse>(pupilUrl(otherPupil));
    if (profile.body.view !== 'case') throw new Error('expected case');
    expect(profile.body.pupil.form).toBe('9W');
    expect(profile.body.pupil.youngCarer).toBe(true);
    const chronology = await smhl.get<{ entries: { kind: string; title: string; detail: string | null }[] }>(
      `${pupilUrl(otherPupil)}/chronology`,
    );
    expect(chronology.body.entries[0]).toMatchObject({
      kind: 'details_corrected',
      title: 'Details corrected: form, young carer',
      detail: 'MIS had the wrong form',
    });
  });

  it('refuses a correction without a reason, one that changes nothing, and one by a tutor', async () => {
    const smhl = await env.as('smhl');
    const version = await detailsVersion(otherPupil);
    expect((await smhl.patch(pupilUrl(otherPupil), { form: '9K', version })).status).toBe(400);
    expect((await smhl.patch(pupilUrl(otherPupil), { form: '9W', reason: 'again', version })).status).toBe(400);
    expect(
      (await (await env.as('tutor')).patch(pupilUrl(otherPupil), { form: '9K', reason: 'x', version })).status,
    ).toBe(403);
    expect(
      (await (await env.as('otherHead')).patch(pupilUrl(otherPupil), { form: '9K', reason: 'x', version })).status,
    ).toBe(404);
  });

  it('two staff correct the form at once: the first is saved, the second is told who changed what, and nothing vanishes', async () => {
    const [smhl, dsl] = [await env.as('smhl'), await env.as('dsl')];
    const version = await detailsVersion(taughtPupil);
    const [before] = await env.deps.database.db.select().from(pupils).where(eq(pupils.id, taughtPupil));
    const first = await smhl.patch(pupilUrl(taughtPupil), {
      preferredName: 'Liv',
      reason: 'Asked at tutor time',
      version,
    });
    expect(first.status).toBe(200);
    const second = await dsl.patch<{
      error: { code: string; message: string; fields: { path: string; message: string }[] };
    }>(pupilUrl(taughtPupil), {
      preferredName: 'Olly',
      youngCarer: !before?.youngCarer,
      reason: 'Parent phoned',
      version,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.error.message).toMatch(/^Sam Patel corrected this pupil’s details \(preferred name\) at /);
    expect(second.body.error.message).toContain('Nothing you entered has been saved yet');
    expect(second.body.error.fields).toEqual([{ path: 'preferredName', message: 'Sam Patel changed this to “Liv”' }]);

    // The first correction stands; the second changed nothing and wrote no correction.
    const profile = await smhl.get<PupilProfileResponse>(pupilUrl(taughtPupil));
    if (profile.body.view !== 'case') throw new Error('expected case');
    expect(profile.body.pupil).toMatchObject({ preferredName: 'Liv', version: version + 1 });
    const [stored] = await env.deps.database.db.select().from(pupils).where(eq(pupils.id, taughtPupil));
    expect(stored?.youngCarer).toBe(before?.youngCarer);

    // Made again from the newer version, the second correction is saved over the first, knowingly.
    env.clock.advance(60_000);
    const again = await dsl.patch(pupilUrl(taughtPupil), {
      preferredName: 'Olly',
      youngCarer: !before?.youngCarer,
      reason: 'Parent phoned',
      version: version + 1,
    });
    expect(again.status).toBe(200);
    const chronology = await smhl.get<{ entries: { kind: string; detail: string | null }[] }>(
      `${pupilUrl(taughtPupil)}/chronology`,
    );
    const corrections = chronology.body.entries.filter((e) => e.kind === 'details_corrected').map((e) => e.detail);
    expect(corrections.slice(0, 2)).toEqual(['Parent phoned', 'Asked at tutor time']);
  });

  it('a correction that names no version is refused', async () => {
    const smhl = await env.as('smhl');
    const res = await smhl.patch(pupilUrl(otherPupil), { form: '9J', reason: 'x' });
    expect(res.status).toBe(400);
  });
});

describe('exporting the pupil list', () => {
  it('gives the same rows as the list as CSV, levels only where the reader may see them, and is audited', async () => {
    const smhl = await env.as('smhl');
    const res = await smhl.get(`/api/schools/${env.world.kingsmead}/pupils.csv?yearGroup=9`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('Surname,First name,Preferred name,Year group,Form,Level,Left');
    const list = await smhl.get<{ total: number }>(`/api/schools/${env.world.kingsmead}/pupils?yearGroup=9`);
    expect(lines.length - 1).toBe(list.body.total);
    expect(lines.slice(1).every((l) => l.includes(',Year 9,'))).toBe(true);

    const tutor = await env.as('tutor');
    const theirs = await tutor.get(`/api/schools/${env.world.kingsmead}/pupils.csv`);
    const rows = theirs.text.trim().split('\r\n').slice(1);
    const notTaught = rows.filter((r) => !r.includes(',9W,'));
    expect(notTaught.every((r) => r.split(',')[5] === '')).toBe(true);
    expect((await tutor.get(`/api/schools/${env.world.kingsmead}/pupils.csv?level=MH2`)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(`/api/schools/${env.world.kingsmead}/pupils.csv`)).status).toBe(404);
    const audited = await env.deps.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'pupil.list_exported' and school_id = $1`,
      [env.world.kingsmead],
    );
    expect(audited[0]?.n).toBe(2);
  });
});
