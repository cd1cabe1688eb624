/**
 * Demo accounts used by the journeys (see packages/server/src/demo/demo-data.ts). `greetingName` is
 * how the home page greets them ("Good morning, Dr Carter").
 */
import { DEMO_PASSWORD } from '../../packages/server/src/demo/demo-data';

export const PASSWORD = DEMO_PASSWORD;

export const HEAD = {
  email: 'helen.carter@kingsmead.example',
  name: 'Dr Helen Carter',
  greetingName: 'Dr Carter',
  twoFactor: true,
};
export const SCHOOL_ADMIN = {
  email: 'jo.bennett@kingsmead.example',
  name: 'Jo Bennett',
  greetingName: 'Jo',
  twoFactor: true,
};
export const TUTOR = {
  email: 'ben.wright@kingsmead.example',
  name: 'Ben Wright',
  greetingName: 'Ben',
  twoFactor: false,
};

export type Person = typeof HEAD;
export const SMHL = {
  email: 'sam.patel@kingsmead.example',
  name: 'Sam Patel',
  greetingName: 'Sam',
  twoFactor: true,
};
export const DSL = {
  email: 'chris.okafor@kingsmead.example',
  name: 'Chris Okafor',
  greetingName: 'Chris',
  twoFactor: true,
};
export const DEPUTY_DSL = {
  email: 'lucy.evans@kingsmead.example',
  name: 'Lucy Evans',
  greetingName: 'Lucy',
  twoFactor: true,
};
/** Support staff at Kingsmead: logs concerns, sees no case records. */
export const SUPPORT_STAFF = {
  email: 'kate.murphy@kingsmead.example',
  name: 'Kate Murphy',
  greetingName: 'Kate',
  twoFactor: false,
};
/** A teacher at the other school of the trust (Willow Brook). */
export const OTHER_SCHOOL_TEACHER = {
  email: 'nina.kaur@willowbrook.example',
  name: 'Nina Kaur',
  greetingName: 'Nina',
  twoFactor: false,
};
/** Intervention staff at Kingsmead: the ELSA, who runs the ELSA sessions and asks the questionnaires. */
export const ELSA = {
  email: 'grace.lee@kingsmead.example',
  name: 'Grace Lee',
  greetingName: 'Grace',
  twoFactor: false,
};

/** The demo parent (Olivia Clarke's mother): she signs in to the family portal at /family. */
export const PARENT = {
  email: 'emma.clarke@family.example',
  name: 'Emma Clarke',
  children: ['Olivia Clarke'],
};
/** The second demo parent: a child in each school of the trust (demo-family.ts SECOND_PARENT). */
export const SECOND_PARENT = {
  email: 'jamal.hussain@family.example',
  name: 'Jamal Hussain',
  children: ['Zara Hussain', 'Adam Hussain'],
};
/** The demo pupil, in Year 9 at Kingsmead: she signs in to the pupil portal at /pupil. */
export const PUPIL = {
  email: 'olivia.clarke@pupils.kingsmead.example',
  name: 'Olivia Clarke',
  firstName: 'Olivia',
  /** Her trusted adult, set by the lead in the demo: the ELSA. */
  trustedAdult: ELSA,
};
