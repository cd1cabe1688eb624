/** What the termly letters and the staff briefing share: who signs, which wording, which levels. */
import {
  DEFAULT_LEVELS,
  LEVEL_CODES,
  levelRank,
  ROLE_LABELS,
  STAFF_BRIEFING_FROM_LEVEL,
  type Actor,
  type LevelCode,
  type LevelDefinition,
  type Role,
} from '@tandem/core';

export interface GeneratedPdf {
  pdf: Buffer;
  filename: string;
  batchId: string;
  pupils: number;
}

/** Levels named in the staff briefing: MH2 and above. */
export const BRIEFING_LEVELS: LevelCode[] = LEVEL_CODES.filter(
  (c) => levelRank(c) >= levelRank(STAFF_BRIEFING_FROM_LEVEL),
);

/** Names and codes in the order people expect ("9K2" before "10K1"), ignoring case. */
export const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** How the letter or briefing is signed: the person, and the role by which they may share. */
export function signatory(actor: Actor, schoolId: string): { name: string; role: string } {
  return signatoryOf(
    actor.displayName,
    actor.assignments.filter((a) => a.schoolId === schoolId).map((a) => a.role),
  );
}

/** As `signatory`, from a name and the roles held in the school (a letter reprinted later). */
export function signatoryOf(name: string, roles: readonly Role[]): { name: string; role: string } {
  const held = new Set(roles);
  const role = held.has('smhl') ? ROLE_LABELS.smhl : held.has('headteacher') ? ROLE_LABELS.headteacher : '';
  return { name, role: role || 'Staff' };
}

/** A level's wording now in force, or the framework's own wording if a school somehow lacks one. */
export function wordingOf(definitions: ReadonlyMap<LevelCode, LevelDefinition>, code: LevelCode) {
  return definitions.get(code) ?? { code, ...DEFAULT_LEVELS[code] };
}
