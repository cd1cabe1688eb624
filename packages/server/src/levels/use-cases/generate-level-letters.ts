import { randomUUID } from 'node:crypto';
import { AppError, LEVEL_CODES, yearGroupLabel, type LevelCode, type LevelLettersBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { isoDay } from '../../platform/dates';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { currentDefinitions } from '../levels.queries';
import { collator, signatory, wordingOf, type GeneratedPdf } from '../sharing.common';
import { renderLevelLetters, type LetterWording } from '../sharing.pdf';
import { pupilsOnRoll, recordShares, schoolForLetters } from '../sharing.queries';

function yearSlug(yearGroup: number | undefined): string {
  if (yearGroup === undefined) return 'whole-school';
  return yearGroupLabel(yearGroup).toLowerCase().replace(/\s+/g, '-');
}

/**
 * Letters home for one year group, or the whole school: one per pupil on roll, ordered by form then
 * surname, each recorded as shared with parents. The PDF is made before anything is written, so a
 * failed PDF records nothing and the audit chain is not held locked while pages are laid out.
 */
export async function generateLevelLetters(
  deps: AppDeps,
  request: SchoolRequest,
  body: LevelLettersBody,
): Promise<GeneratedPdf> {
  const yearGroup = body.yearGroup;
  const { school, letters, wording, now } = await readInSchool(deps, request, 'level.shareTermly', async (r) => {
    const found = await schoolForLetters(r.db, r.schoolId);
    const rows = await pupilsOnRoll(r.db, r.schoolId, yearGroup);
    if (rows.length === 0) {
      const where = yearGroup === undefined ? 'at this school' : `in ${yearGroupLabel(yearGroup)}`;
      throw new AppError('validation', 'no pupils in selection', {
        userMessage: `There are no pupils on roll ${where}. Choose another year group, or import pupils first.`,
        fields: [{ path: 'yearGroup', message: `There are no pupils on roll ${where}` }],
      });
    }
    rows.sort(
      (a, b) =>
        collator.compare(a.form, b.form) ||
        collator.compare(a.familyName, b.familyName) ||
        collator.compare(a.givenName, b.givenName) ||
        a.id.localeCompare(b.id),
    );
    const definitions = await currentDefinitions(r.db, r.schoolId);
    return {
      school: found,
      letters: rows,
      wording: new Map<LevelCode, LetterWording>(LEVEL_CODES.map((c) => [c, wordingOf(definitions, c)])),
      now: r.now,
    };
  });

  const pdf = await renderLevelLetters({
    schoolName: school.name,
    letterhead: school.letterhead,
    date: now,
    signedBy: signatory(request.actor, request.schoolId),
    wording,
    pupils: letters,
  });

  const batchId = randomUUID();
  await inSchool(deps, request, 'level.shareTermly', async (w) => {
    await recordShares(
      w.tx,
      letters.map((p) => ({ pupilId: p.id, level: p.level })),
      { schoolId: w.schoolId, audience: 'parents', batchId, sharedBy: w.actor.userId, sharedAt: now },
    );
    await w.audit(
      { action: 'level.letters_generated', detail: { batchId, pupils: letters.length, yearGroup: yearGroup ?? null } },
      { type: 'level_share_batch', id: batchId },
    );
  });
  return {
    pdf,
    filename: `level-letters-${yearSlug(yearGroup)}-${isoDay(now)}.pdf`,
    batchId,
    pupils: letters.length,
  };
}
