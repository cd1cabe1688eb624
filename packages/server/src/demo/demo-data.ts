/** The made-up people of the demo trust. Nothing here describes a real person or school. */
import type { Role } from '@tandem/core';

export const DEMO_PASSWORD = 'tandem-demo-2026';
/** Every demo account that needs two-factor uses this authenticator secret (see `npm run demo:codes`). */
export const DEMO_TOTP_SECRET = 'KRAW4RDFJVHUIRKNJ5AVIQKOIRCU2TZA';

export const DEMO_TRUST = 'Riverbank Learning Trust';

export interface DemoSchool {
  key: 'kingsmead' | 'willow';
  name: string;
  urn: string;
  /** The DfE number, LA 999 (no real local authority) and the establishment number: 999/4001. */
  dfeNumber: string;
  letterhead: string;
  years: number[];
  formsPerYear: string[];
}

export const DEMO_SCHOOLS: DemoSchool[] = [
  {
    key: 'kingsmead',
    name: 'Kingsmead Academy',
    urn: '900001',
    dfeNumber: '9994001',
    letterhead: 'Kingsmead Academy\nMill Lane, Riverbank RB1 2AA\n01234 567890 · office@kingsmead.example',
    years: [7, 8, 9, 10, 11],
    formsPerYear: ['K', 'W'],
  },
  {
    key: 'willow',
    name: 'Willow Brook Primary School',
    urn: '900002',
    dfeNumber: '9992001',
    letterhead: 'Willow Brook Primary School\nBrook Road, Riverbank RB3 4CC\n01234 765432 · office@willowbrook.example',
    years: [0, 1, 2, 3, 4, 5, 6],
    formsPerYear: ['Oak'],
  },
];

export interface DemoUser {
  email: string;
  displayName: string;
  roles: { role: Role; school: DemoSchool['key'] | 'trust' }[];
  /** The tutor group this member of staff teaches, if any. */
  tutorOf?: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'alex.morgan@riverbank.example',
    displayName: 'Alex Morgan',
    roles: [{ role: 'trust_admin', school: 'trust' }],
  },
  {
    email: 'priya.shah@riverbank.example',
    displayName: 'Priya Shah',
    roles: [{ role: 'trust_lead', school: 'trust' }],
  },
  {
    email: 'jo.bennett@kingsmead.example',
    displayName: 'Jo Bennett',
    roles: [{ role: 'school_admin', school: 'kingsmead' }],
  },
  {
    email: 'helen.carter@kingsmead.example',
    displayName: 'Dr Helen Carter',
    roles: [{ role: 'headteacher', school: 'kingsmead' }],
  },
  { email: 'sam.patel@kingsmead.example', displayName: 'Sam Patel', roles: [{ role: 'smhl', school: 'kingsmead' }] },
  {
    email: 'chris.okafor@kingsmead.example',
    displayName: 'Chris Okafor',
    roles: [{ role: 'dsl', school: 'kingsmead' }],
  },
  {
    email: 'lucy.evans@kingsmead.example',
    displayName: 'Lucy Evans',
    roles: [{ role: 'deputy_dsl', school: 'kingsmead' }],
  },
  {
    email: 'mark.hughes@kingsmead.example',
    displayName: 'Mark Hughes',
    roles: [{ role: 'sendco', school: 'kingsmead' }],
  },
  {
    email: 'aisha.rahman@kingsmead.example',
    displayName: 'Aisha Rahman',
    roles: [{ role: 'early_help_lead', school: 'kingsmead' }],
  },
  {
    email: 'tom.fletcher@kingsmead.example',
    displayName: 'Tom Fletcher',
    roles: [{ role: 'pastoral_lead', school: 'kingsmead' }],
  },
  {
    email: 'grace.lee@kingsmead.example',
    displayName: 'Grace Lee',
    roles: [{ role: 'intervention_staff', school: 'kingsmead' }],
  },
  {
    email: 'ben.wright@kingsmead.example',
    displayName: 'Ben Wright',
    roles: [{ role: 'teacher', school: 'kingsmead' }],
    tutorOf: '9W',
  },
  {
    email: 'kate.murphy@kingsmead.example',
    displayName: 'Kate Murphy',
    roles: [{ role: 'support_staff', school: 'kingsmead' }],
  },
  {
    email: 'dan.price@kingsmead.example',
    displayName: 'Dan Price',
    roles: [{ role: 'first_aider', school: 'kingsmead' }],
  },
  { email: 'emma.clarke@family.example', displayName: 'Emma Clarke', roles: [{ role: 'parent', school: 'kingsmead' }] },
  {
    email: 'jamal.hussain@family.example',
    displayName: 'Jamal Hussain',
    roles: [
      { role: 'parent', school: 'kingsmead' },
      { role: 'parent', school: 'willow' },
    ],
  },
  {
    email: 'olivia.clarke@pupils.kingsmead.example',
    displayName: 'Olivia Clarke',
    roles: [{ role: 'pupil', school: 'kingsmead' }],
  },
  {
    email: 'ruth.adams@willowbrook.example',
    displayName: 'Ruth Adams',
    roles: [
      { role: 'headteacher', school: 'willow' },
      { role: 'dsl', school: 'willow' },
    ],
  },
  {
    email: 'nina.kaur@willowbrook.example',
    displayName: 'Nina Kaur',
    roles: [{ role: 'teacher', school: 'willow' }],
    tutorOf: '4Oak',
  },
];

export const GIVEN_NAMES = [
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Mia',
  'Freya',
  'Lily',
  'Grace',
  'Sophia',
  'Ella',
  'Poppy',
  'Evie',
  'Aisha',
  'Zara',
  'Maya',
  'Ruby',
  'Noah',
  'Oliver',
  'George',
  'Leo',
  'Arthur',
  'Harry',
  'Oscar',
  'Jack',
  'Charlie',
  'Muhammad',
  'Theo',
  'Alfie',
  'Finley',
  'Jacob',
  'Kai',
  'Yusuf',
  'Ethan',
  'Reuben',
  'Tomasz',
  'Oluwaseun',
  'Priya',
  'Hannah',
  'Chloe',
  'Dylan',
];

export const FAMILY_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'Edwards',
  'Hughes',
  'Lewis',
  'Harris',
  'Clarke',
  'Ahmed',
  'Kowalski',
  'Nowak',
  'Okafor',
  'Begum',
  'Murphy',
  'Price',
  'Bennett',
  'Wood',
  'Turner',
  'Cooper',
  'Ward',
  'Morris',
  'Singh',
];

/** The given names above (and those the demo gives by hand) that the demo's pupils recorded as female have. */
export const FEMALE_GIVEN_NAMES = [
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Mia',
  'Freya',
  'Lily',
  'Grace',
  'Sophia',
  'Ella',
  'Poppy',
  'Evie',
  'Aisha',
  'Zara',
  'Maya',
  'Ruby',
  'Priya',
  'Hannah',
  'Chloe',
];
