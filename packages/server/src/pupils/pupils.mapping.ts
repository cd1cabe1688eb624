/** Pupil rows as the API gives them: one place for each shape, so every answer is built alike. */
import type { PupilListItem } from '@tandem/core';
import type { contacts } from '@tandem/core/schema';
import type { PupilRow } from '../platform/directory';
import type { listPupilsPage } from './pupils.queries';

type ListRow = Awaited<ReturnType<typeof listPupilsPage>>['rows'][number];

/**
 * A row of the pupil list. Case roles see the level of pupils in their scope; teachers of pupils
 * they teach; other staff never.
 */
export function toListItem(p: ListRow): PupilListItem {
  return {
    id: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName,
    yearGroup: p.yearGroup,
    form: p.form,
    left: p.leftOn !== null,
    ...(p.inScope || p.teaches ? { level: p.currentLevel } : {}),
  };
}

/** Name, form and year: what any member of staff may see. */
export function toBasicPupil(pupil: PupilRow) {
  return {
    id: pupil.id,
    givenName: pupil.givenName,
    familyName: pupil.familyName,
    preferredName: pupil.preferredName,
    form: pupil.form,
    yearGroup: pupil.yearGroup,
  };
}

/** The pupil's details as case roles see them. */
export function toPupilDetails(pupil: PupilRow) {
  return {
    id: pupil.id,
    version: pupil.detailsVersion,
    upn: pupil.upn,
    givenName: pupil.givenName,
    familyName: pupil.familyName,
    preferredName: pupil.preferredName,
    dateOfBirth: pupil.dateOfBirth,
    yearGroup: pupil.yearGroup,
    form: pupil.form,
    send: pupil.send,
    pupilPremium: pupil.pupilPremium,
    lookedAfter: pupil.lookedAfter,
    childInNeed: pupil.childInNeed,
    youngCarer: pupil.youngCarer,
    eal: pupil.eal,
    sex: pupil.sex,
    leftOn: pupil.leftOn,
  };
}

export function toContact(c: typeof contacts.$inferSelect) {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    address: c.address,
    relationship: c.relationship,
    email: c.email,
    phone: c.phone,
    parentalResponsibility: c.parentalResponsibility,
    priority: c.priority,
  };
}
