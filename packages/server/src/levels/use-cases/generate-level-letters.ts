import { randomUUID } from 'node:crypto';
import {
  AppError,
  IN_PERSON_LEVELS,
  LEVEL_CODES,
  letterHouseholds,
  yearGroupLabel,
  type LevelCode,
  type LevelLettersBody,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { isoDay } from '../../platform/dates';
import { tellFamily } from '../../platform/family-news';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { currentDefinitions } from '../levels.queries';
import { collator, signatory, wordingOf, type GeneratedPdf } from '../sharing.common';
import { renderLevelLetters, type Letter, type LetterWording } from '../sharing.pdf';
import { parentContactsOf, pupilsOnRoll, recordShares, schoolForLetters } from '../sharing.queries';

function yearSlug(yearGroup: number | undefined): string {
  if (yearGroup === undefined) return 'whole-school';
  return yearGroupLabel(yearGroup).toLowerCase().replace(/\s+/g, '-');
}

const inPerson = (level: LevelCode | null) => (IN_PERSON_LEVELS as readonly (LevelCode | null)[]).includes(level);

/**
 * Letters home for one year group, or the whole school, ordered by form then surname: for each
 * pupil, one letter per address of their contacts with parental responsibility, each naming who it
 * is to (a pupil with no such contact gets one letter to "the parents and carers"). Pupils at MH4 or
 * MH5 are left out, to be spoken to in person, unless the lead includes one with a reason (each
 * audited). Every pupil whose letters are made is recorded as shared with parents. The PDF is made
 * before anything is written, so a failed PDF records nothing and the audit chain is not held
 * locked while pages are laid out.
 */
export async function generateLevelLetters(
  deps: AppDeps,
  request: SchoolRequest,
  body: LevelLettersBody,
): Promise<GeneratedPdf> {
  const yearGroup = body.yearGroup;
  const includeReason = new Map((body.include ?? []).map((i) => [i.pupilId, i.reason]));
  const { school, pupils, letters, included, leftOut, wording, now } = await readInSchool(
    deps,
    request,
    'level.shareTermly',
    async (r) => {
      const found = await schoolForLetters(r.db, r.schoolId);
      const rows = await pupilsOnRoll(r.db, r.schoolId, yearGroup);
      const where = yearGroup === undefined ? 'at this school' : `in ${yearGroupLabel(yearGroup)}`;
      if (rows.length === 0) {
        throw new AppError('validation', 'no pupils in selection', {
          userMessage: `There are no pupils on roll ${where}. Choose another year group, or import pupils first.`,
          fields: [{ path: 'yearGroup', message: `There are no pupils on roll ${where}` }],
        });
      }
      // Only a pupil at MH4 or MH5 in this selection may be included: anyone else is a mistake.
      const inPersonIds = new Set(rows.filter((p) => inPerson(p.level)).map((p) => p.id));
      const stray = [...includeReason.keys()].findIndex((id) => !inPersonIds.has(id));
      if (stray >= 0) {
        throw new AppError('validation', 'included pupil not at MH4 or MH5 in selection', {
          userMessage: `Only pupils at MH4 or MH5 on roll ${where} can be included. Reload the page and choose again.`,
          fields: [{ path: `include.${stray}.pupilId`, message: 'Choose a pupil from the list' }],
        });
      }
      const chosen = rows.filter((p) => !inPerson(p.level) || includeReason.has(p.id));
      if (chosen.length === 0) {
        throw new AppError('validation', 'every pupil in selection is to be spoken to in person', {
          userMessage: `Every pupil on roll ${where} is at MH4 or MH5, to be spoken to in person. Include a pupil with a reason, or choose another year group.`,
          fields: [{ path: 'yearGroup', message: 'No letters to make in this year group' }],
        });
      }
      chosen.sort(
        (a, b) =>
          collator.compare(a.form, b.form) ||
          collator.compare(a.familyName, b.familyName) ||
          collator.compare(a.givenName, b.givenName) ||
          a.id.localeCompare(b.id),
      );
      const contactsByPupil = new Map<string, Awaited<ReturnType<typeof parentContactsOf>>>();
      const contactRows = await parentContactsOf(
        r.db,
        r.schoolId,
        chosen.map((p) => p.id),
      );
      for (const c of contactRows) contactsByPupil.set(c.pupilId, [...(contactsByPupil.get(c.pupilId) ?? []), c]);
      const made: Letter[] = chosen.flatMap((pupil) => {
        const households = letterHouseholds(contactsByPupil.get(pupil.id) ?? []);
        return households.length > 0
          ? households.map((h) => ({ pupil, recipients: h.recipients, address: h.address }))
          : [{ pupil, recipients: [], address: null }];
      });
      const definitions = await currentDefinitions(r.db, r.schoolId);
      return {
        school: found,
        pupils: chosen,
        letters: made,
        included: chosen.filter((p) => inPerson(p.level)),
        leftOut: inPersonIds.size - includeReason.size,
        wording: new Map<LevelCode, LetterWording>(LEVEL_CODES.map((c) => [c, wordingOf(definitions, c)])),
        now: r.now,
      };
    },
  );

  const pdf = await renderLevelLetters({
    schoolName: school.name,
    letterhead: school.letterhead,
    date: now,
    signedBy: signatory(request.actor, request.schoolId),
    wording,
    letters,
  });

  const batchId = randomUUID();
  await inSchool(deps, request, 'level.shareTermly', async (w) => {
    await recordShares(
      w.tx,
      pupils.map((p) => ({ pupilId: p.id, level: p.level })),
      { schoolId: w.schoolId, audience: 'parents', batchId, sharedBy: w.actor.userId, sharedAt: now },
    );
    // Each family whose letter is made finds it in the portal too.
    for (const p of pupils) await tellFamily(w.tx, { schoolId: w.schoolId, pupilId: p.id, now });
    for (const p of included) {
      await w.audit(
        {
          action: 'level.letter_included_in_person',
          detail: { batchId, level: p.level as LevelCode, reason: includeReason.get(p.id) ?? '' },
        },
        { type: 'pupil', id: p.id },
      );
    }
    await w.audit(
      {
        action: 'level.letters_generated',
        detail: {
          batchId,
          pupils: pupils.length,
          yearGroup: yearGroup ?? null,
          letters: letters.length,
          leftOut,
        },
      },
      { type: 'level_share_batch', id: batchId },
    );
  });
  return {
    pdf,
    filename: `level-letters-${yearSlug(yearGroup)}-${isoDay(now)}.pdf`,
    batchId,
    pupils: pupils.length,
  };
}
