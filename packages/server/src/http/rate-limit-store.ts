/**
 * Where @fastify/rate-limit keeps its counts: a database table (`rate_limit_hits`) rather than
 * process memory, so every app process on one database counts the same requests. One atomic
 * upsert per request counts it in a fixed window (the first request opens the window; the count
 * starts again once it has ended), timed by the database's clock, which every process shares.
 * Keys are SHA-256 hashes of the route and the address: no address is stored in the clear. Ended
 * windows are deleted by a due job.
 */
import { createHash } from 'node:crypto';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/client';
import type { DueJob } from '../platform/registries';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

const COUNT = `
  insert into rate_limit_hits (key, hits, reset_at)
  values ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
  on conflict (key) do update set
    hits = case when rate_limit_hits.reset_at <= now() then 1 else rate_limit_hits.hits + 1 end,
    reset_at = case when rate_limit_hits.reset_at <= now() then excluded.reset_at else rate_limit_hits.reset_at end
  returning hits, greatest(0, extract(epoch from rate_limit_hits.reset_at - now()) * 1000)::float8 as ttl`;

const READ = `
  select hits, greatest(0, extract(epoch from reset_at - now()) * 1000)::float8 as ttl
  from rate_limit_hits where key = $1 and reset_at > now()`;

/** The drivers may answer a number or its text. */
function answer(rows: { hits: number | string; ttl: number | string }[]): Result {
  const row = rows[0];
  return row ? { current: Number(row.hits), ttl: Math.ceil(Number(row.ttl)) } : { current: 0, ttl: 0 };
}

/** A store class for `app.register(rateLimit, { store })`, counting in this database. */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    /** The route this store counts for ("" for the plugin's own): each route has its own count. */
    private readonly route: string;

    constructor(options: FastifyRateLimitOptions & { routeInfo?: { method?: unknown; url?: unknown } }) {
      const info = options.routeInfo;
      this.route = info && typeof info.url === 'string' ? `${String(info.method)} ${info.url}` : '';
    }

    private hash(key: string): string {
      return createHash('sha256').update(`${this.route}\n${key}`).digest('hex');
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      database.raw<{ hits: number | string; ttl: number | string }>(COUNT, [this.hash(key), timeWindow]).then(
        (rows) => callback(null, answer(rows)),
        (err: unknown) => callback(err as Error),
      );
    }

    read(key: string, callback: Callback): void {
      database.raw<{ hits: number | string; ttl: number | string }>(READ, [this.hash(key)]).then(
        (rows) => callback(null, answer(rows)),
        (err: unknown) => callback(err as Error),
      );
    }

    child(routeOptions: FastifyRateLimitOptions): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions);
    }
  }
  return DatabaseRateLimitStore;
}

const CLEAN_BATCH = 1000;

/** Windows that have ended are deleted (their count would start again from one anyway). */
const forgetEndedWindows: DueJob = {
  name: 'rateLimitCleanup',
  batchSize: CLEAN_BATCH,
  runBatch: async (deps) => {
    const rows = await deps.database.raw<{ key: string }>(
      `delete from rate_limit_hits where key in
         (select key from rate_limit_hits where reset_at <= now() limit ${CLEAN_BATCH})
       returning key`,
    );
    return rows.length;
  },
};

export const rateLimitDueJobs: readonly DueJob[] = [forgetEndedWindows];
