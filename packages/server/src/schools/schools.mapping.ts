import type { School } from '@tandem/core';
import type { SchoolRow } from './schools.queries';

/** A school as the API answers it, with the operator's upper bound on its idle time-out. */
export function toSchool(row: SchoolRow, maxStaffIdleMinutes: number): School {
  return {
    id: row.id,
    trustId: row.trustId,
    name: row.name,
    urn: row.urn,
    dfeNumber: row.dfeNumber,
    letterhead: row.letterhead,
    staffIdleMinutes: Math.min(row.staffIdleMinutes, maxStaffIdleMinutes),
    maxStaffIdleMinutes,
    referralWaitDays: row.referralWaitDays,
    createdAt: row.createdAt.toISOString(),
  };
}
