import type { MeasureDefinition, ResponseOption } from '../measure.types';
import { PHQ_BANDS, PHQ_CASENESS, PHQ_RELIABLE_CHANGE, PHQ_SCALE } from './phq9';

/**
 * PHQ-A, the PHQ-9 modified for teens (Johnson, Harris, Spitzer & Williams 2002), ages 11 to 17.
 * Same scoring as the PHQ-9 (nine items 0..3, total 0..27, same bands), but its items 1 and 2 are
 * the adult items 2 and 1 the other way round (item 1 here is feeling down, depressed, irritable or
 * hopeless; item 2 little interest or pleasure); item 9 is the same risk item. It then asks four
 * unscored questions: depression in the past year, how difficult the problems made things, serious
 * thoughts of ending one's life in the past month, and a suicide attempt ever. The last two are risk
 * items (a "Yes" opens the urgent route). Released without copyright restriction, like the PHQ-9.
 */

const YES_NO: readonly ResponseOption[] = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
];

const DIFFICULTY: readonly ResponseOption[] = [
  { value: 0, label: 'Not difficult at all' },
  { value: 1, label: 'Somewhat difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Extremely difficult' },
];

/**
 * Missing answers: every scored item is required, as for the PHQ-9 (no publisher's rule found).
 * The extra questions are asked but belong to no score, so leaving one out only makes the set
 * incomplete, never unscorable.
 */
export const phqa: MeasureDefinition = {
  key: 'phqa',
  version: 1,
  name: 'Patient Health Questionnaire for Adolescents (PHQ-A)',
  shortName: 'PHQ-A',
  ages: 'Ages 11 to 17',
  respondents: ['pupil'],
  instructions:
    'How often have you been bothered by each of the following symptoms during the past two weeks? ' +
    'For each symptom choose the answer that best describes how you have been feeling.',
  scale: PHQ_SCALE,
  items: [
    { id: 'q1', text: 'Feeling down, depressed, irritable, or hopeless?' },
    { id: 'q2', text: 'Little interest or pleasure in doing things?' },
    { id: 'q3', text: 'Trouble falling asleep, staying asleep, or sleeping too much?' },
    { id: 'q4', text: 'Poor appetite, weight loss, or overeating?' },
    { id: 'q5', text: 'Feeling tired, or having little energy?' },
    {
      id: 'q6',
      text: 'Feeling bad about yourself – or feeling that you are a failure, or that you have let yourself or your family down?',
    },
    { id: 'q7', text: 'Trouble concentrating on things like school work, reading, or watching TV?' },
    {
      id: 'q8',
      text:
        'Moving or speaking so slowly that other people could have noticed? Or the opposite – being so fidgety ' +
        'or restless that you were moving around a lot more than usual?',
    },
    { id: 'q9', text: 'Thoughts that you would be better off dead, or of hurting yourself in some way?', riskAt: 1 },
    {
      id: 'q10',
      text: 'In the past year have you felt depressed or sad most days, even if you felt okay sometimes?',
      unscored: true,
      options: YES_NO,
    },
    {
      id: 'q11',
      text:
        'If you are experiencing any of the problems on this form, how difficult have these problems made it ' +
        'for you to do your work, take care of things at home or get along with other people?',
      unscored: true,
      options: DIFFICULTY,
    },
    {
      id: 'q12',
      text: 'Has there been a time in the past month when you have had serious thoughts about ending your life?',
      unscored: true,
      options: YES_NO,
      riskAt: 1,
    },
    {
      id: 'q13',
      text: 'Have you EVER, in your WHOLE LIFE, tried to kill yourself or made a suicide attempt?',
      unscored: true,
      options: YES_NO,
      riskAt: 1,
    },
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
      // The adult caseness and reliable-change figures (NHS Talking Therapies) are applied here too:
      // we found no separate published figures for the PHQ-A.
      clinicalThreshold: PHQ_CASENESS,
      reliableChange: PHQ_RELIABLE_CHANGE,
      missing: { kind: 'all_required' },
    },
  ],
  licence: {
    name: 'Public domain (Pfizer)',
    note: 'Free to use, copy and display without permission or charge, like the adult PHQ-9.',
    itemTextShipped: true,
  },
  source:
    'Johnson JG, Harris ES, Spitzer RL, Williams JBW (2002) The Patient Health Questionnaire for Adolescents, ' +
    'J Adolesc Health 30:196-204; the "PHQ-9 modified for teens" form (items and extra questions); ' +
    'bands, caseness and reliable change as for the PHQ-9.',
};
