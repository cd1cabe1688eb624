/**
 * The alert bus: how a person's open live streams (platform/alerts.routes.ts) hear that they have
 * a new alert, whichever app process wrote it. It carries user ids only, never an alert's content:
 * the stream reads the counts from the database itself.
 *
 * On PostgreSQL the wake-up is a NOTIFY sent inside the writing transaction, so it is delivered at
 * commit (and never on rollback) to every process; each process holds one LISTEN connection and
 * fans what it hears out to its own streams, reconnecting if the connection drops. On the embedded
 * database one process owns the data, so the wake-up is an in-process event after commit.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/** The NOTIFY channel, per database (a test database hears only its own). */
export const ALERT_CHANNEL = 'tandem_alerts';
/** Ids per NOTIFY: PostgreSQL's payload limit is 8,000 bytes; 100 ids are 3,700. */
const IDS_PER_NOTIFY = 100;

export interface AlertBus {
  /**
   * Wake these people's live streams once `work` commits. Call it inside the transaction that
   * wrote their alerts (or marked them read).
   */
  wake(
    work: { tx: DbOrTx; afterCommit(effect: () => Promise<void> | void): void },
    userIds: readonly string[],
  ): Promise<void>;
  /** Hear every person woken, on this process; returns the function that stops listening. */
  subscribe(listener: (userId: string) => void): () => void;
  /** How many listeners this process has (a stream that ended must not leave one behind). */
  listeners(): number;
  /** Stop listening (the LISTEN connection is closed). */
  close(): Promise<void>;
}

function localFanOut() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (userId: string) => {
      emitter.emit('alert', userId);
    },
    subscribe: (listener: (userId: string) => void) => {
      emitter.on('alert', listener);
      return () => {
        emitter.off('alert', listener);
      };
    },
    listeners: () => emitter.listenerCount('alert'),
  };
}

/** The embedded database's bus: one process, so an event after commit reaches every stream. */
export function localAlertBus(): AlertBus {
  const local = localFanOut();
  return {
    wake(work, userIds) {
      const ids = [...new Set(userIds)];
      if (ids.length > 0) {
        work.afterCommit(() => {
          for (const id of ids) local.emit(id);
        });
      }
      return Promise.resolve();
    },
    subscribe: local.subscribe,
    listeners: local.listeners,
    close: () => Promise.resolve(),
  };
}

export interface BusLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * PostgreSQL's bus: NOTIFY in the transaction, one LISTEN connection per process. Resolves once
 * the process is listening. A dropped connection is reopened (after 0.5 s, then up to 5 s apart);
 * an alert written while it was down is not lost: the stream's next count, at its next wake-up or
 * reconnect, reads the database.
 */
export async function postgresAlertBus(connectionString: string, log: BusLog): Promise<AlertBus> {
  const local = localFanOut();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (msg) => {
      if (msg.channel !== ALERT_CHANNEL || !msg.payload) return;
      for (const id of msg.payload.split(',')) if (id) local.emit(id);
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (closed) return;
      log.error({ err: { message: err?.message ?? 'connection ended' } }, 'alert listener lost; reconnecting');
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    await c.query(`listen ${ALERT_CHANNEL}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    retryMs = 500;
  };
  const schedule = () => {
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch((err: unknown) => {
        log.error({ err: { message: (err as Error).message } }, 'alert listener could not reconnect');
        retryMs = Math.min(retryMs * 2, 5_000);
        if (!closed) schedule();
      });
    }, retryMs);
    retryTimer.unref();
  };

  await connect();
  return {
    async wake(work, userIds) {
      const ids = [...new Set(userIds)];
      for (let i = 0; i < ids.length; i += IDS_PER_NOTIFY) {
        const payload = ids.slice(i, i + IDS_PER_NOTIFY).join(',');
        await work.tx.execute(sql`select pg_notify(${ALERT_CHANNEL}, ${payload})`);
      }
    },
    subscribe: local.subscribe,
    listeners: local.listeners,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}

/** The bus for a database: LISTEN/NOTIFY on PostgreSQL, in-process on the embedded one. */
export function alertBusFor(databaseUrl: string | null, log: BusLog): Promise<AlertBus> {
  return databaseUrl ? postgresAlertBus(databaseUrl, log) : Promise.resolve(localAlertBus());
}
