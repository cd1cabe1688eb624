/**
 * Signed checkpoints of the audit chain (ADR 0012), in the manner of Certificate Transparency's
 * signed tree heads (RFC 9162): the chain's size and its hash at that size, signed with the
 * installation's Ed25519 key, written to a file outside the database at a set interval (and, if
 * configured, e-mailed to the data protection officer). Someone able to rewrite the whole audit
 * table, chain and all, cannot make it match a checkpoint they cannot sign.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { auditCheckpoints, auditHead } from '@tandem/core/schema';
import type { Db, DbOrTx } from '../db/client';
import type { ChainPoint } from './audit.service';

export const CHECKPOINT_FORMAT = 'tandem-audit-checkpoint/1';
const FILE_PATTERN = /^audit-checkpoint-\d+\.json$/;
export const PUBLIC_KEY_FILE = 'audit-signing-key.pub.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  /** Base64 Ed25519 signature of `checkpointBody`. */
  signature: string;
}

/** The key's id: the first 16 hex digits of the SHA-256 of its public key (DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The text that is signed: every field on its own line, in a fixed order. */
export function checkpointBody(c: Omit<Checkpoint, 'signature' | 'format'>): string {
  return `${CHECKPOINT_FORMAT}\n${c.treeSize}\n${c.rootHash}\n${c.timestamp}\n${c.keyId}\n`;
}

/**
 * The installation's signing key: read from its file, or made (and written, readable by this user
 * only) the first time, when `create` is set. Returns what it did, for the log.
 */
export function loadSigningKey(file: string, create: boolean): { key: SigningKey; created: boolean } {
  let created = false;
  if (!fs.existsSync(file)) {
    if (!create) throw new Error(`no audit signing key at ${file}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    created = true;
  }
  const privateKey = createPrivateKey(fs.readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key at ${file} is not Ed25519`);
  const publicKey = createPublicKey(privateKey);
  return { key: { privateKey, publicKey, keyId: keyIdOf(publicKey) }, created };
}

/** Read a public key (PEM) to check checkpoints with, when the private key is kept elsewhere. */
export function loadPublicKey(file: string): KeyObject {
  const key = createPublicKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key at ${file} is not an Ed25519 public key`);
  return key;
}

export function signCheckpoint(key: SigningKey, treeSize: number, rootHash: string, at: Date): Checkpoint {
  const fields = { treeSize, rootHash, timestamp: at.toISOString(), keyId: key.keyId };
  const signature = sign(null, Buffer.from(checkpointBody(fields)), key.privateKey).toString('base64');
  return { format: CHECKPOINT_FORMAT, ...fields, signature };
}

export function checkpointFileName(treeSize: number): string {
  return `audit-checkpoint-${String(treeSize).padStart(12, '0')}.json`;
}

/** Write a file whole or not at all (a reader never sees half of it). */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o644 });
  fs.renameSync(temporary, file);
}

/**
 * Write a checkpoint of the sealed chain if one is due: none yet, or the last older than the
 * interval and the chain has grown since. The head's lock (SKIP LOCKED) keeps it to one process at a
 * time; the file is written before the row is kept, so a row never claims a file that is not there.
 */
export async function checkpointIfDue(
  db: Db,
  o: {
    key: SigningKey;
    dir: string;
    everyMinutes: number;
    now: Date;
    /** Also done in the checkpoint's transaction (e-mailing it to the data protection officer). */
    alsoIn?: (tx: DbOrTx, checkpoint: Checkpoint) => Promise<void>;
  },
): Promise<Checkpoint | null> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update', { skipLocked: true });
    if (!head || head.seq === 0) return null;
    const [last] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.treeSize)).limit(1);
    if (last && (last.treeSize >= head.seq || o.now.getTime() - last.signedAt.getTime() < o.everyMinutes * 60_000)) {
      return null;
    }
    // Every process must sign with the installation's one key (startAuditSealing says so at start).
    if (last && last.keyId !== o.key.keyId) return null;
    const checkpoint = signCheckpoint(o.key, head.seq, head.hash, o.now);
    fs.mkdirSync(o.dir, { recursive: true });
    const publicKeyFile = path.join(o.dir, PUBLIC_KEY_FILE);
    if (!fs.existsSync(publicKeyFile)) {
      writeAtomically(publicKeyFile, o.key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    }
    writeAtomically(path.join(o.dir, checkpointFileName(head.seq)), `${JSON.stringify(checkpoint, null, 2)}\n`);
    await tx.insert(auditCheckpoints).values({
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      signedAt: o.now,
      keyId: checkpoint.keyId,
      signature: checkpoint.signature,
    });
    await o.alsoIn?.(tx, checkpoint);
    return checkpoint;
  });
}

export type CheckpointFiles = { ok: true; points: ChainPoint[] } | { ok: false; problem: string };

/**
 * Read every checkpoint file in a directory and check its signature with the installation's public
 * key. A file that does not parse, or whose signature does not match, is a problem in itself.
 */
export function readCheckpointFiles(dir: string, publicKey: KeyObject): CheckpointFiles {
  if (!fs.existsSync(dir)) return { ok: true, points: [] };
  const keyId = keyIdOf(publicKey);
  const points: ChainPoint[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => FILE_PATTERN.test(n))
    .sort()) {
    let c: Checkpoint;
    try {
      c = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Checkpoint;
    } catch {
      return { ok: false, problem: `checkpoint ${name} cannot be read` };
    }
    if (c.format !== CHECKPOINT_FORMAT || !Number.isSafeInteger(c.treeSize) || typeof c.rootHash !== 'string') {
      return { ok: false, problem: `checkpoint ${name} is not a Tandem audit checkpoint` };
    }
    if (c.keyId !== keyId) {
      return { ok: false, problem: `checkpoint ${name} was signed with another key (${c.keyId}, not ${keyId})` };
    }
    const signed = verify(null, Buffer.from(checkpointBody(c)), publicKey, Buffer.from(c.signature ?? '', 'base64'));
    if (!signed) return { ok: false, problem: `checkpoint ${name} has a signature that does not match its content` };
    points.push({ treeSize: c.treeSize, rootHash: c.rootHash, label: `checkpoint ${name} (${c.timestamp})` });
  }
  return { ok: true, points };
}

/** The key the installation's checkpoints are signed with so far (the latest's), if any. */
export async function installationKeyId(db: Db): Promise<string | null> {
  const [last] = await db
    .select({ keyId: auditCheckpoints.keyId })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.treeSize))
    .limit(1);
  return last?.keyId ?? null;
}
