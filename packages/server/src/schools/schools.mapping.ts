import type { School } from '@tandem/core';
import type { SchoolRow } from './schools.queries';

/** A school as the API answers it. */
export function toSchool(row: SchoolRow): School {
  return {
    id: row.id,
    trustId: row.trustId,
    name: row.name,
    urn: row.urn,
    letterhead: row.letterhead,
    staffIdleMinutes: row.staffIdleMinutes,
    createdAt: row.createdAt.toISOString(),
  };
}
