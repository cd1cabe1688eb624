/**
 * What each app process does for the audit trail in the background (ADR 0012): every second, seal
 * the entries written since the last run into the chain; then, when one is due, write a signed
 * checkpoint outside the database (and e-mail it to the data protection officer if configured).
 * Several processes run this at once; the chain head's lock, taken with SKIP LOCKED, lets one work
 * while the others carry on.
 */
import { insertMail } from '../mail/outbox';
import type { AppDeps } from '../platform/deps';
import { startPeriodic } from '../platform/periodic';
import { loggableError } from '../http/errors';
import {
  checkpointIfDue,
  installationKeyId,
  loadSigningKey,
  type Checkpoint,
  type SigningKey,
} from './audit.checkpoints';
import { SEAL_BATCH, SEAL_BATCHES_PER_RUN, sealAuditTrail } from './audit.sealer';

export interface AuditLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The e-mail a checkpoint is sent in: figures and a signature only. */
export function checkpointEmail(to: string, c: Checkpoint) {
  return {
    to,
    subject: `Tandem audit checkpoint: ${c.treeSize} entries`,
    text: [
      'This is a signed checkpoint of Tandem’s audit trail. Please keep it: it lets anyone check later that',
      'the trail up to this point has not been rewritten (`npm run audit:verify`, with this file saved beside',
      'the others in the checkpoint directory).',
      '',
      JSON.stringify(c, null, 2),
    ].join('\n'),
  };
}

/** Seal, then write a checkpoint if one is due (unless this process may not sign). */
export async function auditHousekeeping(deps: AppDeps, key: SigningKey, checkpoints = true): Promise<void> {
  const db = deps.database.db;
  // A large backlog (a demo load, a bulk import) is sealed transaction after transaction while each
  // run fills up; under steady traffic one run per tick, so the checkpoint below is never starved.
  // (null: another process holds the head and is sealing.)
  for (;;) {
    const sealed = await sealAuditTrail(db);
    if (sealed === null || sealed < SEAL_BATCH * SEAL_BATCHES_PER_RUN) break;
  }
  if (!checkpoints) return;
  const to = deps.config.auditCheckpointEmail;
  await checkpointIfDue(db, {
    key,
    dir: deps.config.auditCheckpointDir,
    everyMinutes: deps.config.auditCheckpointMinutes,
    now: deps.clock.now(),
    ...(to ? { alsoIn: (tx, c) => insertMail(tx, deps, [checkpointEmail(to, c)]).then(() => undefined) } : {}),
  });
}

export function startAuditSealing(deps: AppDeps, log: AuditLog): { stop(): Promise<void> } {
  const { key, created } = loadSigningKey(deps.config.auditSigningKeyFile, true);
  if (created) {
    log.info(
      { file: deps.config.auditSigningKeyFile, keyId: key.keyId },
      'made the audit signing key: keep a copy of it, and of its public key, somewhere safe',
    );
  }
  // A process with another key than the installation's seals, but writes no checkpoint.
  let keyChecked: Promise<boolean> | null = null;
  const signs = () =>
    (keyChecked ??= installationKeyId(deps.database.db).then((id) => {
      if (id === null || id === key.keyId) return true;
      log.error(
        { keyId: key.keyId, installationKeyId: id, file: deps.config.auditSigningKeyFile },
        'this process has another audit signing key than the installation: it writes no checkpoints. Give every process the same AUDIT_SIGNING_KEY_FILE',
      );
      return false;
    }));
  const periodic = startPeriodic(
    deps.config.auditSealEveryMs,
    async () => auditHousekeeping(deps, key, await signs()),
    (err) => log.error({ err: loggableError(err) }, 'audit sealing failed'),
  );
  return {
    async stop() {
      await periodic.stop();
      // Seal what this process wrote last, so a clean stop leaves nothing unsealed.
      await sealAuditTrail(deps.database.db).catch(() => null);
    },
  };
}
