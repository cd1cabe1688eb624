/**
 * Whether a pupil's note holds one of the school's risk words or phrases. Both are reduced to lower
 * case letters and digits separated by single spaces, so "Self-harm", "self  harm" and "SELF HARM!"
 * all match "self harm"; a phrase must match whole words ("end it" matches "I want to end it" and
 * not "send items"), and a phrase written with its words run together ("selfharm") matches too.
 */

function words(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The first risk word or phrase the note holds, or null. */
export function findRiskWord(note: string, phrases: readonly string[]): string | null {
  const said = ` ${words(note)} `;
  const joined = said.replace(/ /g, '');
  for (const phrase of phrases) {
    const p = words(phrase);
    if (p === '') continue;
    if (said.includes(` ${p} `)) return phrase;
    // "self harm" also catches "selfharm"; a one-word phrase is matched as a whole word only.
    if (p.includes(' ') && ` ${said} `.includes(` ${p.replace(/ /g, '')} `)) return phrase;
    if (p.includes(' ') && joined.includes(p.replace(/ /g, '')) && p.replace(/ /g, '').length >= 8) return phrase;
  }
  return null;
}
