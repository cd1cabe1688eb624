/**
 * The plans feature's part of what a family sees of a child.
 *
 * Parents: the parent-facing parts of plans (core `parentFacingPlan`: the last agreed version of a
 * plan marked shareable and in force, its parent sections and emergency contacts), and the child's
 * meetings (kind, when, where) with their next steps, the parent's own marked. Never a meeting's
 * aims or notes, never another section of a plan.
 *
 * The pupil: "my plan", the section written for them, from the last agreed version of their newest
 * care or crisis plan in force (core `pupilFacingPlan`). Nothing else of any plan.
 */
import {
  isParentsStep,
  londonToday,
  MEETING_KIND_LABELS,
  parentFacingPlan,
  PLAN_KIND_LABELS,
  pupilFacingPlan,
  type ParentMeetingPart,
  type ParentPlanPart,
  type PupilPlanPart,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { FamilyReader, FamilyViewSource } from '../platform/registries';
import { meetingsForFamily, nextStepsOfMeetings } from './meetings.queries';
import { agreedPlansOfPupil } from './plans.queries';

async function plansForParent(db: DbOrTx, reader: FamilyReader): Promise<ParentPlanPart[]> {
  const rows = await agreedPlansOfPupil(db, reader.schoolId, reader.pupilId, { parentShareable: true });
  const parts: ParentPlanPart[] = [];
  for (const { plan, content, agreedAt } of rows) {
    const shown = parentFacingPlan({ ...plan, agreedContent: content });
    if (!shown || (shown.sections.length === 0 && shown.contacts.length === 0)) continue;
    parts.push({
      id: plan.id,
      kindLabel: PLAN_KIND_LABELS[plan.kind],
      version: plan.agreedVersion ?? plan.version,
      agreedOn: londonToday(agreedAt ?? plan.updatedAt),
      reviewDue: plan.reviewDue,
      sections: shown.sections.map((s) => ({ label: s.label, text: s.text })),
      contacts: shown.contacts.map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone })),
      // The family feature fills this from its confirmations.
      readAt: null,
    });
  }
  return parts;
}

async function meetingsForParent(db: DbOrTx, reader: FamilyReader): Promise<ParentMeetingPart[]> {
  const rows = await meetingsForFamily(db, reader.schoolId, reader.pupilId);
  // Next steps are shown only for meetings a parent or carer attended: those were agreed with home.
  // A meeting of staff alone shows its date, never what staff agreed among themselves.
  const steps = await nextStepsOfMeetings(
    db,
    reader.schoolId,
    rows.filter((m) => m.parentAttended).map((m) => m.id),
  );
  const parent = { userId: reader.actor.userId, names: reader.contactNames };
  return rows.map((m) => ({
    id: m.id,
    kindLabel: MEETING_KIND_LABELS[m.kind],
    heldAt: m.heldAt.toISOString(),
    place: m.place,
    upcoming: m.completedAt === null && m.heldAt > reader.now,
    nextSteps: steps
      .filter((s) => s.meetingId === m.id)
      .map((s) => ({
        description: s.description,
        ownerName: s.ownerName,
        dueOn: s.dueOn,
        done: s.completedAt !== null,
        theirs: isParentsStep(s, parent),
      })),
  }));
}

async function planForPupil(db: DbOrTx, reader: FamilyReader): Promise<PupilPlanPart | null> {
  const rows = await agreedPlansOfPupil(db, reader.schoolId, reader.pupilId, { kinds: ['care', 'crisis'] });
  for (const { plan, content, agreedAt } of rows) {
    const text = pupilFacingPlan({ ...plan, agreedContent: content });
    if (text !== null) return { planId: plan.id, text, agreedOn: londonToday(agreedAt ?? plan.updatedAt) };
  }
  return null;
}

export const planFamilyView: FamilyViewSource = {
  name: 'plans',
  async forParent(db, reader) {
    return { plans: await plansForParent(db, reader), meetings: await meetingsForParent(db, reader) };
  },
  async forPupil(db, reader) {
    return { myPlan: await planForPupil(db, reader) };
  },
};
