/**
 * The rest of Kingsmead's staff: teachers and support staff without a part in the demo's stories,
 * so that a whole-school view (the staff survey's groups, the training record, policy reading)
 * looks like a school's. They sign in with the demo password like everyone else.
 */
import type { DemoUser } from './demo-data';

const TEACHERS = [
  'Amira Haddad',
  'Owen Price',
  'Sophie Turner',
  'Daniel Osei',
  'Hannah Brooks',
  'Ravi Mistry',
  'Megan Lloyd',
  'Joseph Kowalski',
  'Fatima Begum',
  'Liam Gallagher',
  'Chloe Simmons',
  'Marcus Reid',
  'Eleanor Vaughan',
  'Tariq Aziz',
  'Rebecca Holt',
  'George Whitfield',
  'Niamh Doyle',
  'Samuel Adeyemi',
];

const SUPPORT = [
  'Paula Jennings',
  'Kevin Marsh',
  'Yasmin Ali',
  'Carol Hendry',
  'Wendy Foster',
  'Imran Siddiqui',
  'Lorna McKenzie',
  'Peter Quinn',
];

const email = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@kingsmead.example`;

export const DEMO_MORE_STAFF: DemoUser[] = [
  ...TEACHERS.map((displayName) => ({
    email: email(displayName),
    displayName,
    roles: [{ role: 'teacher' as const, school: 'kingsmead' as const }],
  })),
  ...SUPPORT.map((displayName) => ({
    email: email(displayName),
    displayName,
    roles: [{ role: 'support_staff' as const, school: 'kingsmead' as const }],
  })),
];
