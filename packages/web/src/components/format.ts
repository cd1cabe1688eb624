import { ROLE_LABELS, type Role } from '@tandem/core';

/** "14 staff", "1 school" */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

/** "Headteacher, Designated Safeguarding Lead and First aider" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function roleNames(roles: readonly Role[]): string {
  return listInWords(roles.map((r) => ROLE_LABELS[r]));
}

export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}
