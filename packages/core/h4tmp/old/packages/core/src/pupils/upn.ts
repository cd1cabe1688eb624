/**
 * Unique Pupil Numbers (DfE): 13 characters, a check letter then 12 characters (the 12th may be a
 * letter in a temporary UPN). The check letter is the sum of each later character's value times its
 * position (2..13), modulo 23, as a letter from the 23-letter alphabet below.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function charValue(c: string): number | null {
  if (/^\d$/.test(c)) return Number(c);
  const i = CHECK_LETTERS.indexOf(c);
  return i >= 0 ? i : null;
}

/** The check letter for the 12 characters after it, or null if they cannot form a UPN. */
export function upnCheckLetter(rest: string): string | null {
  if (!/^\d{11}[0-9A-Z]$/.test(rest)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const v = charValue(rest[i] as string);
    if (v === null) return null;
    sum += v * (i + 2);
  }
  return CHECK_LETTERS[sum % 23] ?? null;
}

/** Whether a string is a well-formed UPN with a correct check letter. */
export function isValidUpn(upn: string): boolean {
  const u = upn.trim().toUpperCase();
  if (u.length !== 13) return false;
  return upnCheckLetter(u.slice(1)) === u[0];
}

/** Build a valid UPN from 12 digits (used by the demo and tests). */
export function makeUpn(twelveDigits: string): string {
  const letter = upnCheckLetter(twelveDigits);
  if (!letter) throw new Error('UPN body must be 11 digits and a digit or letter');
  return letter + twelveDigits;
}
