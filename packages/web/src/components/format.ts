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

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'rev', 'revd', 'sir', 'dame']);

/** How to greet someone: "Sam" for "Sam Patel", "Dr Carter" for "Dr Helen Carter". */
export function firstName(displayName: string): string {
  const parts = displayName.trim().split(/\s+/);
  const first = parts[0] ?? displayName;
  if (parts.length >= 2 && TITLES.has(first.toLowerCase().replace(/\.$/, ''))) {
    return `${first} ${parts[parts.length - 1] ?? ''}`;
  }
  return first;
}

/**
 * Whether `value` is one of `values`: narrows a string from a form, an address or an old row to
 * core's type without a cast.
 */
export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return values.some((v) => v === value);
}

/**
 * The label core gives `value`, or `value` as it is when this version does not know it (a stored
 * value older or newer than the code, or one typed into an address).
 */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
}
