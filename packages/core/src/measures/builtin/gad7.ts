import type { MeasureDefinition } from '../measure.types';
import { PHQ_SCALE } from './phq9';

/**
 * GAD-7, the Generalized Anxiety Disorder scale (Spitzer, Kroenke, Williams & Löwe 2006), from the
 * same PHQ family: released without copyright restriction. Seven items 0..3, total 0..21; severity
 * cut-points 5, 10 and 15 (Spitzer et al. 2006). NHS Talking Therapies: caseness 8 or more, reliable
 * change 4 or more.
 *
 * Missing answers: every item is required (no publisher's missing-answer rule was found).
 */
export const gad7: MeasureDefinition = {
  key: 'gad7',
  version: 1,
  name: 'Generalised Anxiety Disorder scale (GAD-7)',
  shortName: 'GAD-7',
  ages: 'Ages 18 and over; also used with young people from 11',
  respondents: ['pupil'],
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  scale: PHQ_SCALE,
  items: [
    { id: 'q1', text: 'Feeling nervous, anxious, or on edge' },
    { id: 'q2', text: 'Not being able to stop or control worrying' },
    { id: 'q3', text: 'Worrying too much about different things' },
    { id: 'q4', text: 'Trouble relaxing' },
    { id: 'q5', text: 'Being so restless that it is hard to sit still' },
    { id: 'q6', text: 'Becoming easily annoyed or irritable' },
    { id: 'q7', text: 'Feeling afraid, as if something awful might happen' },
  ],
  scores: [
    {
      id: 'total',
      label: 'Anxiety (total)',
      items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'],
      combine: 'sum',
      min: 0,
      max: 21,
      higherIsBetter: false,
      // Spitzer et al. 2006 bands. "Clinical" marks the bands wholly at or above the NHS Talking
      // Therapies caseness of 8: the mild band 5-9 straddles it, so it is not marked clinical and
      // the caseness itself (clinicalThreshold) decides recovery.
      bands: [
        { from: 0, to: 4, label: 'Minimal', clinical: false },
        { from: 5, to: 9, label: 'Mild', clinical: false },
        { from: 10, to: 14, label: 'Moderate', clinical: true },
        { from: 15, to: 21, label: 'Severe', clinical: true },
      ],
      clinicalThreshold: 8,
      reliableChange: {
        threshold: 4,
        sd: null,
        reliability: null,
        source:
          'NHS Talking Therapies for anxiety and depression manual (NHS England; formerly the IAPT manual): ' +
          'a change of 4 or more on the GAD-7 is reliable. The SD and reliability behind it are not stated there.',
      },
      missing: { kind: 'all_required' },
    },
  ],
  licence: {
    name: 'Public domain (Pfizer)',
    note: 'Free to use, copy and display without permission or charge (developed with an educational grant from Pfizer Inc.).',
    itemTextShipped: true,
  },
  source:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B (2006) A brief measure for assessing generalized anxiety ' +
    'disorder: the GAD-7, Arch Intern Med 166:1092-1097 (items, 0..3 scoring, cut-points 5/10/15); ' +
    'NHS Talking Therapies manual (caseness 8+, reliable change 4).',
};
