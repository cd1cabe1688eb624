/**
 * The plans' and meetings' part of everything Tandem holds about a pupil (subject access, the files
 * sent to the next school, retention): each plan with who leads it, who was given it and who
 * confirmed reading it; every version's written content; the agreements recorded; its reviews; and
 * each meeting about the pupil with the next steps agreed at it.
 *
 * The record class of a plan follows its kind (PLAN_RECORD_CLASSES): a special educational needs
 * plan (SEN support, EHCP) is an SEN record, kept longer. Today's kinds (care, crisis, risk, Signs of
 * Safety) are all wellbeing plans; SEN plans are kept in the school's SEN system. A meeting takes
 * the class of the plan it is about, or is a wellbeing record. Plans and meetings hold no marker of
 * a staff view given in confidence, so nothing here is suggested for redaction on that ground.
 *
 * Plans are read in plans.records-read.ts, meetings in meetings.records-read.ts, both destroyed in
 * plans.records-destroy.ts; the record classes and what items share are in plans.record-class.ts.
 */
import type { PupilRecordSource } from '../platform/registries';
import { readMeetingItems } from './meetings.records-read';
import { PLAN_RECORDS_SOURCE } from './plans.record-class';
import { destroyPlanRecords } from './plans.records-destroy';
import { readPlanItems } from './plans.records-read';

export { PLAN_RECORD_CLASSES } from './plans.record-class';

export const planRecords: PupilRecordSource = {
  name: PLAN_RECORDS_SOURCE,

  async records(db, q) {
    const { items, byId } = await readPlanItems(db, q);
    return [...items, ...(await readMeetingItems(db, q, byId))];
  },

  destroy: destroyPlanRecords,
};
