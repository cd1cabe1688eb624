/** Directory rows to API answers, and the search, in one place. */
import { SERVICE_CHECK_DAYS, type Service, type ServiceAudience, type ServiceNeed } from '@tandem/core';
import { addDays } from '../platform/dates';
import type { ServiceRow } from './services.queries';

/** Whether a local entry is due its yearly check. */
export function checkDue(row: Pick<ServiceRow, 'scope' | 'status' | 'lastCheckedOn'>, today: string): boolean {
  return row.scope !== 'national' && row.status === 'active' && addDays(row.lastCheckedOn, SERVICE_CHECK_DAYS) <= today;
}

export function serviceOf(row: ServiceRow, o: { today: string; canEdit: boolean }): Service {
  return {
    id: row.id,
    scope: row.scope,
    status: row.status,
    version: row.version,
    ...row.details,
    lastCheckedOn: row.lastCheckedOn,
    checkDue: checkDue(row, o.today),
    canEdit: o.canEdit,
  };
}

export interface ServiceSearch {
  need?: ServiceNeed;
  age?: number;
  audience?: ServiceAudience;
  q?: string;
  includeRetired?: boolean;
}

/** Whether an entry answers a search: every given part must match. */
export function matches(row: ServiceRow, s: ServiceSearch): boolean {
  const d = row.details;
  if (!s.includeRetired && row.status === 'retired') return false;
  if (s.need && !d.needs.includes(s.need)) return false;
  if (s.age !== undefined && (s.age < d.ageFrom || s.age > d.ageTo)) return false;
  if (s.audience && !d.audiences.includes(s.audience)) return false;
  if (s.q) {
    const words = s.q.toLowerCase();
    if (!`${d.name} ${d.description}`.toLowerCase().includes(words)) return false;
  }
  return true;
}
