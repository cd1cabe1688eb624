/** Demo accounts used by the journeys (see packages/server/src/demo/demo-data.ts). */
import { DEMO_PASSWORD } from '../../packages/server/src/demo/demo-data';

export const PASSWORD = DEMO_PASSWORD;

export const HEAD = {
  email: 'helen.carter@kingsmead.example',
  name: 'Dr Helen Carter',
  firstName: 'Helen',
  twoFactor: true,
};
export const SCHOOL_ADMIN = {
  email: 'jo.bennett@kingsmead.example',
  name: 'Jo Bennett',
  firstName: 'Jo',
  twoFactor: true,
};
export const TUTOR = { email: 'ben.wright@kingsmead.example', name: 'Ben Wright', firstName: 'Ben', twoFactor: false };

export type Person = typeof HEAD;
