/**
 * The audit trail at scale (ADR 0012): an append waits for nobody, the sealing job chains entries in
 * the order they became visible, sealing is the only change the table allows, and signed checkpoints
 * outside the database catch a rewrite of the whole table.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, isNull } from 'drizzle-orm';
import { auditEvents, auditHead, pupils } from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';
import { verifyAuditChain } from './audit.service';
import { sealAuditTrail } from './audit.sealer';
import { entryHash, GENESIS_HASH } from './audit.chain';
import { checkpointFileName, checkpointIfDue, loadSigningKey, readCheckpointFiles } from './audit.checkpoints';
import { startAuditSealing } from './audit.background';

const onPostgres = Boolean(process.env.DATABASE_URL);
const DPO = 'dpo@riverbank.example';
let env: TestEnv;
let dir: string;
let pupilId: string;
const db = () => env.deps.database.db;
const raw = (text: string, params?: unknown[]) => env.deps.database.raw(text, params);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-audit-'));
  env = await createTestEnv({
    auditCheckpointDir: path.join(dir, 'checkpoints'),
    auditSigningKeyFile: path.join(dir, 'key.pem'),
    auditCheckpointEmail: DPO,
    auditSealEveryMs: 50,
  });
  const [p] = await db()
    .select({ id: pupils.id })
    .from(pupils)
    .where(eq(pupils.schoolId, env.world.kingsmead))
    .limit(1);
  pupilId = p!.id;
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const caseView = async () => {
  const smhl = await env.as('smhl');
  return smhl.get(`/api/schools/${env.world.kingsmead}/pupils/${pupilId}`);
};
async function sealAll(): Promise<void> {
  while (await sealAuditTrail(db())) {
    // batch after batch
  }
}
async function unsealed(): Promise<number> {
  return (await db().select({ seq: auditEvents.seq }).from(auditEvents).where(isNull(auditEvents.chainSeq))).length;
}

/** What someone able to rewrite the whole table would do: re-hash every entry and move the head. */
async function rewriteWholeChain(): Promise<void> {
  await raw(`alter table audit_events disable trigger audit_events_no_update`);
  await raw(`update audit_events set detail = '{"rewritten":true}' where chain_seq = 2`);
  const rows = await db().select().from(auditEvents).orderBy(asc(auditEvents.chainSeq));
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.chainSeq === null) continue;
    const hash = entryHash({ ...row, seq: row.chainSeq, prevHash, detail: row.detail });
    await raw('update audit_events set prev_hash = $1, hash = $2 where seq = $3', [prevHash, hash, row.seq]);
    prevHash = hash;
  }
  await db().update(auditHead).set({ hash: prevHash }).where(eq(auditHead.id, 1));
  await raw(`alter table audit_events enable trigger audit_events_no_update`);
}

describe('appending', () => {
  it.runIf(onPostgres)('an audited request does not wait for another transaction still appending', async () => {
    const other = new pg.Client({ connectionString: env.databaseUrl ?? '' });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`insert into audit_events (at, action, detail) values (now(), 'auth.signed_out', '{}')`);
      // Before ADR 0012 this request queued behind the open transaction's lock on the chain head.
      const answered = await Promise.race([
        caseView().then((r) => r.status),
        new Promise<string>((r) => setTimeout(() => r('still waiting after 3 s'), 3000)),
      ]);
      expect(answered).toBe(200);
      await other.query('commit');
    } finally {
      await other.end();
    }
  });

  it.runIf(onPostgres)(
    'an entry that commits after later ones is sealed after them, and the chain verifies',
    async () => {
      await sealAll();
      const slow = new pg.Client({ connectionString: env.databaseUrl ?? '' });
      await slow.connect();
      try {
        await slow.query('begin');
        const [{ seq }] = (
          await slow.query<{ seq: string }>(
            `insert into audit_events (at, action, detail) values (now(), 'auth.signed_out', '{}') returning seq`,
          )
        ).rows as [{ seq: string }];
        expect((await caseView()).status).toBe(200);
        await sealAll();
        const later = await db().select().from(auditEvents).where(eq(auditEvents.action, 'pupil.viewed'));
        const lastView = later.sort((a, b) => b.seq - a.seq)[0]!;
        expect(lastView.seq).toBeGreaterThan(Number(seq));
        expect(lastView.chainSeq).not.toBeNull();
        await slow.query('commit');
        await sealAll();
        const [slowRow] = await db()
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.seq, Number(seq)));
        expect(slowRow!.chainSeq).toBeGreaterThan(lastView.chainSeq!);
        expect(await verifyAuditChain(db())).toMatchObject({ ok: true, unsealed: 0 });
      } finally {
        await slow.end();
      }
    },
  );

  it.runIf(onPostgres)('while one process seals, another skips rather than waits', async () => {
    const holder = new pg.Client({ connectionString: env.databaseUrl ?? '' });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select * from audit_head where id = 1 for update');
      expect(await sealAuditTrail(db())).toBeNull();
      await holder.query('rollback');
      expect(await sealAuditTrail(db())).not.toBeNull();
    } finally {
      await holder.end();
    }
  });

  it('sealing is the only change the table allows', async () => {
    expect((await caseView()).status).toBe(200);
    const [waiting] = await db().select().from(auditEvents).where(isNull(auditEvents.chainSeq)).limit(1);
    expect(waiting).toBeDefined();
    // Content cannot change, even while sealing.
    await expect(
      raw(`update audit_events set action = 'x', chain_seq = 999999, prev_hash = 'a', hash = 'b' where seq = $1`, [
        waiting!.seq,
      ]),
    ).rejects.toThrow(/append-only/);
    await sealAll();
    // A sealed entry cannot be sealed again, nor deleted.
    await expect(raw(`update audit_events set hash = 'b' where seq = $1`, [waiting!.seq])).rejects.toThrow(
      /append-only/,
    );
    await expect(raw(`delete from audit_events where seq = $1`, [waiting!.seq])).rejects.toThrow(/append-only/);
    await expect(raw(`delete from audit_checkpoints`)).resolves.toBeDefined(); // none yet: nothing to refuse
  });
});

describe('signed checkpoints outside the database', () => {
  it('are written when due, and a rewrite of the whole table is caught by them', async () => {
    const { key } = loadSigningKey(path.join(dir, 'key.pem'), true);
    const cpDir = path.join(dir, 'checkpoints');
    await sealAll();
    const first = await checkpointIfDue(db(), { key, dir: cpDir, everyMinutes: 60, now: env.clock.now() });
    expect(first).not.toBeNull();
    expect(fs.existsSync(path.join(cpDir, checkpointFileName(first!.treeSize)))).toBe(true);
    // Not again within the interval, even though the trail has grown.
    expect((await caseView()).status).toBe(200);
    await sealAll();
    expect(await checkpointIfDue(db(), { key, dir: cpDir, everyMinutes: 60, now: env.clock.now() })).toBeNull();
    const files = readCheckpointFiles(cpDir, key.publicKey);
    if (!files.ok) throw new Error(files.problem);
    expect(files.points.map((p) => p.treeSize)).toEqual([first!.treeSize]);
    expect(await verifyAuditChain(db(), { checkpoints: files.points })).toMatchObject({ ok: true, checkpoints: 1 });
    await expect(raw(`delete from audit_checkpoints`)).rejects.toThrow(/append-only/);

    await rewriteWholeChain();
    // The chain alone now looks intact: that is what the checkpoint is for.
    expect((await verifyAuditChain(db())).ok).toBe(true);
    const caught = await verifyAuditChain(db(), { checkpoints: files.points });
    expect(caught.ok).toBe(false);
    expect(caught.ok || caught.problem).toMatch(/rewritten/);
  });

  it('are never signed with a second key: a process with another key writes none', async () => {
    const { key: other } = loadSigningKey(path.join(dir, 'second-process-key.pem'), true);
    const cpDir = path.join(dir, 'checkpoints');
    const before = fs.readdirSync(cpDir);
    expect((await caseView()).status).toBe(200);
    await sealAll();
    const later = new Date(env.clock.now().getTime() + 2 * 3_600_000);
    expect(await checkpointIfDue(db(), { key: other, dir: cpDir, everyMinutes: 60, now: later })).toBeNull();
    expect(fs.readdirSync(cpDir)).toEqual(before);
  });

  it('refuse a checkpoint file altered or signed with another key', async () => {
    const cpDir = path.join(dir, 'checkpoints');
    const { key } = loadSigningKey(path.join(dir, 'key.pem'), false);
    const [name] = fs.readdirSync(cpDir).filter((n) => n.startsWith('audit-checkpoint-'));
    const file = path.join(cpDir, name!);
    const original = fs.readFileSync(file, 'utf8');
    const forged = JSON.parse(original) as { rootHash: string };
    forged.rootHash = 'f'.repeat(64);
    fs.writeFileSync(file, JSON.stringify(forged));
    const altered = readCheckpointFiles(cpDir, key.publicKey);
    expect(altered.ok || altered.problem).toMatch(/a signature that does not match its content/);
    fs.writeFileSync(file, original);
    const { key: other } = loadSigningKey(path.join(dir, 'other-key.pem'), true);
    const wrongKey = readCheckpointFiles(cpDir, other.publicKey);
    expect(wrongKey.ok || wrongKey.problem).toMatch(/another key/);
  });
});

describe('each process’s background work', () => {
  it('seals a request’s entry within a second, writes a checkpoint and e-mails it to the data protection officer', async () => {
    fs.rmSync(path.join(dir, 'checkpoints'), { recursive: true, force: true });
    env.clock.advance(61 * 60_000);
    const log = { info: () => undefined, error: () => undefined };
    const sealing = startAuditSealing(env.deps, log);
    try {
      await env.as('head'); // signing in is audited
      const started = Date.now();
      while ((await unsealed()) > 0 && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 50));
      expect(await unsealed()).toBe(0);
      while (!fs.existsSync(path.join(dir, 'checkpoints')) && Date.now() - started < 3000) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await sealing.stop();
    }
    const files = fs.readdirSync(path.join(dir, 'checkpoints')).filter((n) => n.startsWith('audit-checkpoint-'));
    expect(files).toHaveLength(1);
    await runDueJobs(env.deps);
    const [mail] = await env.smtp.messagesTo(DPO);
    expect(mail!.subject).toMatch(/^Tandem audit checkpoint: \d+ entries$/);
    expect(mail!.text).toContain('"signature"');
  });

  it.runIf(onPostgres)('npm run audit:verify holds the database to the checkpoint files', async () => {
    // A trail of its own: the one above has been rewritten on purpose.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-audit-cli-'));
    const fresh = await createTestEnv({
      auditCheckpointDir: path.join(own, 'checkpoints'),
      auditSigningKeyFile: path.join(own, 'key.pem'),
    });
    const cli = (extra: Record<string, string> = {}) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'verify.cli.ts')], {
          env: {
            ...process.env,
            DATABASE_URL: fresh.databaseUrl ?? '',
            AUDIT_CHECKPOINT_DIR: path.join(own, 'checkpoints'),
            AUDIT_SIGNING_KEY_FILE: path.join(own, 'key.pem'),
            ...extra,
          },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    try {
      await fresh.as('head');
      const sealing = startAuditSealing(fresh.deps, { info: () => undefined, error: () => undefined });
      const started = Date.now();
      while (!fs.existsSync(path.join(own, 'checkpoints')) && Date.now() - started < 5000) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await sealing.stop();
      await fresh.as('dsl'); // written after the checkpoint, and left unsealed
      const intact = await cli();
      expect(intact.out).toMatch(/Audit trail intact: \d+ entries checked, held to 1 signed checkpoint file/);
      expect(intact.out).toMatch(/entries written since .* are not sealed into the chain yet/);
      expect(intact.code).toBe(0);
      await fresh.deps.database.raw(`alter table audit_checkpoints disable trigger audit_checkpoints_no_change`);
      await fresh.deps.database.raw(`delete from audit_checkpoints`); // the files remain
      await fresh.deps.database.raw(`alter table audit_events disable trigger audit_events_no_update`);
      await fresh.deps.database.raw(`update audit_events set detail = '{"rewritten":true}' where chain_seq = 1`);
      const rows = await fresh.deps.database.db.select().from(auditEvents).orderBy(asc(auditEvents.chainSeq));
      let prevHash = GENESIS_HASH;
      for (const row of rows.filter((r) => r.chainSeq !== null)) {
        const hash = entryHash({ ...row, seq: row.chainSeq!, prevHash, detail: row.detail });
        await fresh.deps.database.raw('update audit_events set prev_hash = $1, hash = $2 where seq = $3', [
          prevHash,
          hash,
          row.seq,
        ]);
        prevHash = hash;
      }
      await fresh.deps.database.db.update(auditHead).set({ hash: prevHash }).where(eq(auditHead.id, 1));
      const rewritten = await cli();
      expect(rewritten.out).toMatch(/NOT intact: .*checkpoint audit-checkpoint-.*rewritten/);
      expect(rewritten.code).toBe(1);
      const noKey = await cli({ AUDIT_SIGNING_KEY_FILE: path.join(own, 'absent.pem') });
      expect(noKey.out).toMatch(/no key to check the checkpoints/);
      expect(noKey.code).toBe(2);
    } finally {
      await fresh.close();
      fs.rmSync(own, { recursive: true, force: true });
    }
  });
});
