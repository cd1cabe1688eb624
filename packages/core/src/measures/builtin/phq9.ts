import type { Band, MeasureDefinition, ReliableChange, ResponseOption } from '../measure.types';

/**
 * PHQ-9, the Patient Health Questionnaire depression scale (Kroenke, Spitzer & Williams 2001),
 * developed with an educational grant from Pfizer Inc. and released for use without permission or
 * charge (the PHQ screeners' own notice: "No permission required to reproduce, translate, display
 * or distribute"). Item wording is the published adult form.
 */

/** The four answers of every PHQ / GAD item, scored 0..3 (the published form). */
export const PHQ_SCALE: readonly ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/**
 * Severity bands of the 0..27 total (Kroenke et al. 2001: 5, 10, 15 and 20 mark mild, moderate,
 * moderately severe and severe). "Clinical" follows NHS Talking Therapies caseness (10 or more).
 */
export const PHQ_BANDS: readonly Band[] = [
  { from: 0, to: 4, label: 'Minimal', clinical: false },
  { from: 5, to: 9, label: 'Mild', clinical: false },
  { from: 10, to: 14, label: 'Moderate', clinical: true },
  { from: 15, to: 19, label: 'Moderately severe', clinical: true },
  { from: 20, to: 27, label: 'Severe', clinical: true },
];

/** NHS Talking Therapies caseness: a PHQ-9 total of 10 or more. */
export const PHQ_CASENESS = 10;

/**
 * NHS Talking Therapies (formerly IAPT) count a fall of 6 or more on the PHQ-9 as reliable
 * improvement (and a rise of 6 or more as reliable deterioration). The manual states the figure but
 * we could not find the SD and reliability it was computed from, so both are left null.
 */
export const PHQ_RELIABLE_CHANGE: ReliableChange = {
  threshold: 6,
  sd: null,
  reliability: null,
  source:
    'NHS Talking Therapies for anxiety and depression manual (NHS England; formerly the IAPT manual): ' +
    'a change of 6 or more on the PHQ-9 is reliable. The SD and reliability behind it are not stated there.',
};

/**
 * Missing answers: every item is required. We found no missing-answer rule from the publisher
 * (the PHQ instruction manual's scoring says only "add the columns"), and prorating 1–2 missing
 * items, though common in research papers, is not the publisher's rule; a risk item must in any
 * case never be silently filled in.
 */
export const phq9: MeasureDefinition = {
  key: 'phq9',
  version: 1,
  name: 'Patient Health Questionnaire (PHQ-9)',
  shortName: 'PHQ-9',
  ages: 'Ages 18 and over (for ages 11 to 17 use the PHQ-A)',
  respondents: ['pupil'],
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  scale: PHQ_SCALE,
  items: [
    { id: 'q1', text: 'Little interest or pleasure in doing things' },
    { id: 'q2', text: 'Feeling down, depressed, or hopeless' },
    { id: 'q3', text: 'Trouble falling or staying asleep, or sleeping too much' },
    { id: 'q4', text: 'Feeling tired or having little energy' },
    { id: 'q5', text: 'Poor appetite or overeating' },
    {
      id: 'q6',
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    },
    { id: 'q7', text: 'Trouble concentrating on things, such as reading the newspaper or watching television' },
    {
      id: 'q8',
      text:
        'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety ' +
        'or restless that you have been moving around a lot more than usual',
    },
    // Item 9: any answer above "Not at all" opens the urgent safeguarding route at once.
    { id: 'q9', text: 'Thoughts that you would be better off dead or of hurting yourself in some way', riskAt: 1 },
  ],
  scores: [
    {
      id: 'total',
      label: 'Depression (total)',
      items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'],
      combine: 'sum',
      min: 0,
      max: 27,
      higherIsBetter: false,
      bands: PHQ_BANDS,
      clinicalThreshold: PHQ_CASENESS,
      reliableChange: PHQ_RELIABLE_CHANGE,
      missing: { kind: 'all_required' },
    },
  ],
  licence: {
    name: 'Public domain (Pfizer)',
    note: 'Free to use, copy and display without permission or charge (developed with an educational grant from Pfizer Inc.).',
    itemTextShipped: true,
  },
  source:
    'Kroenke K, Spitzer RL, Williams JBW (2001) The PHQ-9: validity of a brief depression severity measure, ' +
    'J Gen Intern Med 16:606-613 (items, 0..3 scoring, bands 5/10/15/20); PHQ screeners instruction manual; ' +
    'NHS Talking Therapies manual (caseness 10+, reliable change 6).',
};
