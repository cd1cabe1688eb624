/** The hash chain over audit entries: how each entry's hash is computed, shared by writer and verifier. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  trustId: string | null;
  schoolId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detail: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(fields: ChainedFields): string {
  const material = canonicalJson([
    fields.seq,
    fields.at.toISOString(),
    fields.actorUserId,
    fields.trustId,
    fields.schoolId,
    fields.action,
    fields.subjectType,
    fields.subjectId,
    fields.ip,
    fields.detail,
    fields.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}
