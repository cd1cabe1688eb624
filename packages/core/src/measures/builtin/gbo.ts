import type { MeasureDefinition, ResponseOption, ScoreDefinition } from '../measure.types';

/**
 * Goal Based Outcomes (Law & Jacob, "Goals and Goal Based Outcomes (GBOs): some useful information",
 * CAMHS Press; GBO tool version 2, Law 2018): up to three goals agreed with the pupil and written in
 * their own words, each rated 0..10 for how close they are to it. Licensed CC BY-NC-SA: credit the
 * author, free (non-commercial) use only, adaptations under the same licence.
 *
 * A goal that was not set is not scored: its score is reported with value null and answered 0, and
 * it does not make the set unscorable (see scoreAnswers); at least one goal must be rated for the
 * overall mean.
 *
 * Reliable change: Edbrooke-Childs, Jacob, Law, Deighton & Wolpert (2015) "Interpreting standardized
 * and idiographic outcome measures in CAMHS: what does change mean and how does it relate to
 * functioning and experience?", Child Adolesc Ment Health 20:142-148, report a reliable-change index
 * for the GBO; the figure quoted from it (and by CORC) is a change of 2.45 on a goal's 0..10 rating.
 * The SD and reliability behind it were not available to us. It is applied to each goal; the mean
 * of goals has no figure of its own.
 */

const GOAL_SCALE: readonly ResponseOption[] = Array.from({ length: 11 }, (_, n) => ({
  value: n,
  label: n === 0 ? '0 – not met at all' : n === 10 ? '10 – goal reached' : String(n),
}));

const goal = (n: number): ScoreDefinition => ({
  id: `goal${n}`,
  label: `Goal ${n}`,
  items: [`goal${n}`],
  combine: 'sum',
  min: 0,
  max: 10,
  higherIsBetter: true,
  bands: [],
  clinicalThreshold: null,
  reliableChange: {
    threshold: 2.45,
    sd: null,
    reliability: null,
    source:
      'Edbrooke-Childs J, Jacob J, Law D, Deighton J, Wolpert M (2015) Child Adolesc Ment Health 20:142-148: ' +
      'reliable change on a GBO goal rating is a change of 2.45 or more.',
  },
  missing: { kind: 'all_required' },
});

export const gbo: MeasureDefinition = {
  key: 'gbo',
  version: 1,
  name: 'Goal Based Outcomes',
  shortName: 'GBO',
  ages: 'All ages',
  respondents: ['pupil', 'parent', 'staff'],
  instructions:
    'For each goal you agreed, choose how close you are to reaching it, from 0 (not met at all) to 10 (goal reached).',
  scale: GOAL_SCALE,
  items: [
    { id: 'goal1', text: 'How close are you to reaching goal 1?' },
    { id: 'goal2', text: 'How close are you to reaching goal 2?' },
    { id: 'goal3', text: 'How close are you to reaching goal 3?' },
  ],
  scores: [
    goal(1),
    goal(2),
    goal(3),
    {
      id: 'overall',
      label: 'All goals (mean)',
      items: ['goal1', 'goal2', 'goal3'],
      combine: 'mean',
      min: 0,
      max: 10,
      higherIsBetter: true,
      bands: [],
      clinicalThreshold: null,
      reliableChange: null,
      noReliableChangeReason:
        'The published reliable-change figure (2.45) is for one goal’s rating, so it is shown for each goal rather than for the mean.',
      // The mean of the goals that were set: at least one of the three must be rated.
      missing: { kind: 'prorate', maxMissing: 2 },
    },
  ],
  licence: {
    name: 'CC BY-NC-SA 4.0',
    note: 'Free, non-commercial use only; credit the author (Duncan Law, Goal Based Outcomes); adaptations must be shared under the same licence.',
    itemTextShipped: true,
  },
  source:
    'Law D, Jacob J, Goals and Goal Based Outcomes (GBOs): some useful information (CAMHS Press, 3rd ed. 2015); ' +
    'Law D (2019) The goal-based outcome (GBO) tool: guidance notes; reliable change 2.45 from Edbrooke-Childs ' +
    'et al. (2015).',
  goals: { max: 3 },
};
