import type { MeasureDefinition, MeasureItem } from '../measure.types';

/**
 * Stirling Children's Wellbeing Scale (Liddle & Carter 2015, Stirling Council Educational Psychology
 * Service), ages 8 to 15: 15 positively worded statements answered on a 5-point scale (1..5); 12 are
 * scored (total 12..60) in two subscales of 6, positive emotional state and positive outlook; items
 * 2, 7 and 13 are social-desirability checks and are not scored (CORC and the published scoring).
 *
 * Item wording is NOT shipped: the public copies we found differ in wording (e.g. item 14), and the
 * licence forbids altering the scale, so the staff member reads each item from their own copy.
 *
 * The subscale split below follows the scale's design (the six "I've been ..." state items form
 * positive emotional state; the six "I think / I can / I feel / I enjoy" items positive outlook);
 * it was not confirmed against Appendix D of the standardisation report: check before relying on
 * the subscales. No clinical bands are published; the authors report one-week test-retest r = 0.75
 * but we found no published SD, so no reliable-change threshold is given.
 *
 * Missing answers: every scored item is required (no publisher's rule found).
 */

const SCORED = [1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 15];
const item = (n: number): MeasureItem =>
  SCORED.includes(n) ? { id: `q${n}`, text: null } : { id: `q${n}`, text: null, unscored: true };

const NO_RELIABLE_CHANGE =
  'No reliable-change figure is published for the Stirling scale (a one-week test-retest of 0.75 is reported, ' +
  'but no standard deviation to compute a threshold from), so the change in score is shown without one.';

const subscale = (id: string, label: string, items: string[]) => ({
  id,
  label,
  items,
  combine: 'sum' as const,
  min: 6,
  max: 30,
  higherIsBetter: true,
  // No clinical bands are published: one band, clearly not clinical.
  bands: [{ from: 6, to: 30, label: 'No published bands', clinical: false }],
  clinicalThreshold: null,
  reliableChange: null,
  noReliableChangeReason: NO_RELIABLE_CHANGE,
  missing: { kind: 'all_required' as const },
});

export const scwbs: MeasureDefinition = {
  key: 'scwbs',
  version: 1,
  name: 'Stirling Children’s Wellbeing Scale',
  shortName: 'Stirling',
  ages: 'Ages 8 to 15',
  respondents: ['pupil'],
  instructions: 'Read the instructions and each statement from your copy of the Stirling scale.',
  scale: [
    { value: 1, label: 'Never' },
    { value: 2, label: 'Not much of the time' },
    { value: 3, label: 'Some of the time' },
    { value: 4, label: 'Quite a lot of the time' },
    { value: 5, label: 'All of the time' },
  ],
  items: Array.from({ length: 15 }, (_, i) => item(i + 1)),
  scores: [
    {
      id: 'total',
      label: 'Wellbeing (total)',
      items: SCORED.map((n) => `q${n}`),
      combine: 'sum',
      min: 12,
      max: 60,
      higherIsBetter: true,
      bands: [{ from: 12, to: 60, label: 'No published bands', clinical: false }],
      clinicalThreshold: null,
      reliableChange: null,
      noReliableChangeReason: NO_RELIABLE_CHANGE,
      missing: { kind: 'all_required' },
    },
    subscale('emotional_state', 'Positive emotional state', ['q3', 'q9', 'q10', 'q12', 'q14', 'q15']),
    subscale('outlook', 'Positive outlook', ['q1', 'q4', 'q5', 'q6', 'q8', 'q11']),
  ],
  licence: {
    name: 'Free to use unaltered (Stirling Council)',
    note: 'Free to use without permission provided the scale is not altered and there is no cost to the person using it.',
    itemTextShipped: false,
  },
  source:
    'Liddle I, Carter GFA (2015) Emotional and psychological well-being in children: the development and ' +
    'validation of the Stirling Children’s Well-being Scale, Educ Psychol Pract 31:174-185; CORC measure page ' +
    '(12 scored items on a 5-point scale, two subscales of 6, 3 social-desirability items, terms of use); ' +
    'EEF SPECTRUM database (one-week test-retest r = .75). Subscale split not confirmed against the appendix.',
};
