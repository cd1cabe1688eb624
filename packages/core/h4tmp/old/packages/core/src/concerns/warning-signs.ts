/**
 * Warning signs of mental health risk, as the trust's wellbeing policy lists them (seed 002): the
 * main list, and Appendix 2's "other warning signs". Staff tick those they saw.
 */
export const WARNING_SIGNS = {
  personality_change: 'A change in personality',
  anxiety_anger_moodiness: 'Uncharacteristic anxiety, anger or moodiness',
  withdrawal: 'Social withdrawal and isolation',
  self_care_risky: 'Lack of self-care or engaging in risky behaviours',
  hopelessness: 'A sense of hopelessness or feeling overwhelmed',
  sleep_routine: 'Sleep patterns changing or being affected, changes in routines',
  life_event: "A significant 'life event' (e.g. moving house, divorce)",
  physical_harm: 'Physical signs of harm that are repeated or appear non-accidental',
  eating_sleeping: 'Changes in eating or sleeping habits',
  isolation_friends_family: 'Increased isolation from friends or family, becoming socially withdrawn',
  activity_mood: 'Changes in activity and mood',
  achievement: 'Lowering of academic achievement',
  talk_self_harm_suicide: 'Talking or joking about self-harm or suicide',
  drugs_alcohol: 'Abusing drugs or alcohol',
  failure_hopelessness: 'Expressing feelings of failure, uselessness or loss of hope',
  clothing: 'Changes in clothing, e.g. long sleeves in warm weather',
  secretive: 'Secretive behaviour',
  skipping_pe: 'Skipping PE or getting changed secretively',
  lateness_absence: 'Lateness to or absence from school',
  physical_pain: 'Repeated physical pain or nausea with no evident cause',
} as const;

export type WarningSign = keyof typeof WARNING_SIGNS;
export const WARNING_SIGN_CODES = Object.keys(WARNING_SIGNS) as WarningSign[];

/** The two lists as the policy groups them, for the form. */
export const WARNING_SIGN_GROUPS: { legend: string; signs: WarningSign[] }[] = [
  {
    legend: 'Warning signs of mental health risk',
    signs: [
      'personality_change',
      'anxiety_anger_moodiness',
      'withdrawal',
      'self_care_risky',
      'hopelessness',
      'sleep_routine',
      'life_event',
    ],
  },
  {
    legend: 'Other warning signs',
    signs: [
      'physical_harm',
      'eating_sleeping',
      'isolation_friends_family',
      'activity_mood',
      'achievement',
      'talk_self_harm_suicide',
      'drugs_alcohol',
      'failure_hopelessness',
      'clothing',
      'secretive',
      'skipping_pe',
      'lateness_absence',
      'physical_pain',
    ],
  },
];
