import { AppError, DEFAULT_LEVELS, letterHouseholds, type LevelCode } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { isoDay } from '../../platform/dates';
import { FAMILY_PORTALS, familyReaderFor } from '../../platform/family-access';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { allDefinitions, wordingInForceAt } from '../levels.queries';
import { signatoryOf } from '../sharing.common';
import { renderLevelLetters, type Letter, type LetterWording } from '../sharing.pdf';
import { parentContactsOf, parentLetterOf, pupilForLetter, schoolForLetters, schoolRolesAt } from '../sharing.queries';

/**
 * A parent downloads one of their child's termly letters again, as it was shared: the level shared
 * in that row, in the wording then in force, dated and signed as it was, addressed to the parent's
 * own household. Only a parent linked to the child (platform/family-access.ts) may; any other
 * letter, or another child's, is 404. Audited on the pupil.
 */
export async function downloadFamilyLetter(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  letterId: string,
): Promise<{ pdf: Buffer; filename: string }> {
  return inSchool(deps, request, FAMILY_PORTALS, async (w) => {
    const reader = await familyReaderFor(w, pupilId);
    if (reader.as !== 'parent') throw new AppError('not_found', 'child not found');
    const share = await parentLetterOf(w.tx, w.schoolId, pupilId, letterId);
    const school = await schoolForLetters(w.tx, w.schoolId);
    const pupil = await pupilForLetter(w.tx, w.schoolId, pupilId);
    const definitions = await allDefinitions(w.tx, w.schoolId);
    const wording = new Map<LevelCode, LetterWording>();
    if (share.level) {
      wording.set(
        share.level,
        wordingInForceAt(definitions, share.level, share.sharedAt) ?? DEFAULT_LEVELS[share.level],
      );
    }
    // The household the parent belongs to, as the printed letter was addressed.
    const mine = new Set(reader.contactIds);
    const households = letterHouseholds(await parentContactsOf(w.tx, w.schoolId, [pupilId]));
    const household = households.find((h) => h.recipients.some((c) => mine.has(c.id)));
    const letter: Letter = {
      pupil: { ...pupil, level: share.level },
      recipients: household?.recipients ?? [],
      address: household?.address ?? null,
    };
    const pdf = await renderLevelLetters({
      schoolName: school.name,
      letterhead: school.letterhead,
      date: share.sharedAt,
      signedBy: signatoryOf(share.sharedByName, await schoolRolesAt(w.tx, w.schoolId, share.sharedBy, share.sharedAt)),
      wording,
      letters: [letter],
    });
    // Audited once the letter is made, so a failed PDF records nothing.
    await w.audit({ action: 'family.letter_downloaded', detail: { letterId } }, { type: 'pupil', id: pupilId });
    return { pdf, filename: `wellbeing-letter-${isoDay(share.sharedAt)}.pdf` };
  });
}
