import type { MeasureDefinition } from '../measure.types';

/**
 * Me and My Feelings (Deighton, Tymms, Vostanis, Belsky, Fonagy, Brown, Martin, Patalay & Wolpert
 * 2013, "The development of a school-based measure of child mental health", J Psychoeduc Assess
 * 31:247-257): 16 statements for ages 8 and over, answered Never 0, Sometimes 1, Always 2.
 *
 * NOT from the publisher: the item order, the split into the two subscales, "I am calm" being
 * reverse-scored, the thresholds and the missing-answer rule all come from public scoring code
 * (an R package for school wellbeing surveys that scores mm1..mm10 as emotional difficulties and
 * mm11..mm16 as behavioural difficulties, reverses mm15, and prorates when fewer than a third are
 * missing; and a Python analysis that bands emotional 10-11 borderline / 12+ clinically significant
 * and behavioural 6 borderline / 7+ clinically significant). Check against the publisher's guide
 * (Evidence Based Practice Unit / CORC) before relying on it.
 *
 * No published standard deviation or test-retest figure was found, so neither subscale has a
 * reliable-change threshold: band movement is shown instead (noReliableChangeReason).
 */

const NO_RELIABLE_CHANGE =
  'No reliable-change figure has been published for Me and My Feelings (we found no published standard ' +
  'deviation or test-retest reliability to compute one from), so movement between bands is shown instead.';

export const mamf: MeasureDefinition = {
  key: 'mamf',
  version: 1,
  name: 'Me and My Feelings',
  shortName: 'MAMF',
  ages: 'Ages 8 and over',
  respondents: ['pupil'],
  instructions:
    'Here are some sentences about feelings and behaviour. For each one, choose the answer that is right for you: ' +
    'never, sometimes or always. There are no right or wrong answers.',
  scale: [
    { value: 0, label: 'Never' },
    { value: 1, label: 'Sometimes' },
    { value: 2, label: 'Always' },
  ],
  items: [
    // Emotional difficulties (items 1-10).
    { id: 'q1', text: 'I feel lonely' },
    { id: 'q2', text: 'I cry a lot' },
    { id: 'q3', text: 'I am unhappy' },
    { id: 'q4', text: 'I feel nobody likes me' },
    { id: 'q5', text: 'I worry a lot' },
    { id: 'q6', text: 'I have problems sleeping' },
    { id: 'q7', text: 'I wake up in the night' },
    { id: 'q8', text: 'I am shy' },
    { id: 'q9', text: 'I feel scared' },
    { id: 'q10', text: 'I worry when I am at school' },
    // Behavioural difficulties (items 11-16).
    { id: 'q11', text: 'I get very angry' },
    { id: 'q12', text: 'I lose my temper' },
    { id: 'q13', text: 'I hit out when I am angry' },
    { id: 'q14', text: 'I do things to hurt people' },
    { id: 'q15', text: 'I am calm', reverse: true },
    { id: 'q16', text: 'I break things on purpose' },
  ],
  scores: [
    {
      id: 'emotional',
      label: 'Emotional difficulties',
      items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'],
      combine: 'sum',
      min: 0,
      max: 20,
      higherIsBetter: false,
      bands: [
        { from: 0, to: 9, label: 'Expected', clinical: false },
        { from: 10, to: 11, label: 'Borderline', clinical: false },
        { from: 12, to: 20, label: 'Clinically significant', clinical: true },
      ],
      clinicalThreshold: 12,
      reliableChange: null,
      noReliableChangeReason: NO_RELIABLE_CHANGE,
      // Public scoring code: prorate when fewer than a third are missing (up to 3 of 10).
      missing: { kind: 'prorate', maxMissing: 3 },
    },
    {
      id: 'behavioural',
      label: 'Behavioural difficulties',
      items: ['q11', 'q12', 'q13', 'q14', 'q15', 'q16'],
      combine: 'sum',
      min: 0,
      max: 12,
      higherIsBetter: false,
      bands: [
        { from: 0, to: 5, label: 'Expected', clinical: false },
        { from: 6, to: 6, label: 'Borderline', clinical: false },
        { from: 7, to: 12, label: 'Clinically significant', clinical: true },
      ],
      clinicalThreshold: 7,
      reliableChange: null,
      noReliableChangeReason: NO_RELIABLE_CHANGE,
      // Public scoring code: prorate when fewer than a third are missing (up to 2 of 6).
      missing: { kind: 'prorate', maxMissing: 2 },
    },
  ],
  licence: {
    name: 'Free to use (Evidence Based Practice Unit, Anna Freud Centre and UCL)',
    note: 'Published for free use in schools and services; credit Deighton et al. (2013). Check the publisher’s current terms before wider use.',
    itemTextShipped: true,
  },
  source:
    'Deighton J et al. (2013) J Psychoeduc Assess 31:247-257 (the measure). Item split, reverse scoring of ' +
    '"I am calm", thresholds (emotional 10-11 borderline, 12+ clinically significant; behavioural 6 borderline, ' +
    '7+ clinically significant) and prorating when fewer than a third are missing come from public scoring code, ' +
    'not the publisher. No published SD or test-retest reliability found: no reliable-change threshold.',
};
