/**
 * A school's own questionnaire, built in the app from the same parts as the built-in measures:
 * a response scale, items (reverse-scored, risk or unscored), scores with bands and a clinical
 * threshold. The draft is checked here with messages a form can show beside each field; the full
 * MeasureDefinition is then built by customMeasureDefinition and stored as a new version.
 */
import { z } from 'zod';
import { RESPONDENTS, type MeasureDefinition, type ScoreDefinition } from './measure.types';

/** Shown beside each pair of scores of a school's own questionnaire. */
export const CUSTOM_NO_RELIABLE_CHANGE_REASON =
  'A questionnaire made by the school has no published reliable-change figure; band movement is shown instead';

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Must be ${max} characters or fewer`);

const whole = (what: string) => z.number({ error: `Enter ${what} as a number` }).int(`Enter ${what} as a whole number`);

const scaleOptionSchema = z.strictObject({
  value: whole('the value of this answer')
    .min(-100, 'Use a value from -100 to 100')
    .max(100, 'Use a value from -100 to 100'),
  label: text('the words for this answer', 80),
});

const itemDraftSchema = z.strictObject({
  /** Stable within the questionnaire: the form gives each new question the next free "q1", "q2"... */
  id: z
    .string({ error: 'Each question needs an id' })
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'A question id may use only letters, digits, - and _ (up to 40)'),
  text: text('the question', 300),
  reverse: z.boolean().optional(),
  riskAt: whole('the risk answer').optional(),
  unscored: z.boolean().optional(),
});

const bandDraftSchema = z.strictObject({
  from: whole('the lowest score of the band'),
  to: whole('the highest score of the band'),
  label: text('a name for the band', 80),
  clinical: z.boolean().default(false),
});

const missingSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('all_required') }),
    z.strictObject({
      kind: z.literal('prorate'),
      maxMissing: whole('how many answers may be missing').min(1, 'Allow at least one missing answer, or require all'),
    }),
  ],
  { error: 'Choose what happens when answers are missing' },
);

const scoreDraftSchema = z.strictObject({
  label: text('a name for the score', 120),
  items: z.array(z.string(), { error: 'Choose the questions in this score' }).min(1, 'Choose at least one question'),
  higherIsBetter: z.boolean({ error: 'Say whether a higher score is better or worse' }),
  bands: z.array(bandDraftSchema).max(10, 'Use at most 10 bands').default([]),
  clinicalThreshold: whole('the clinical threshold').nullable().default(null),
  missing: missingSchema.default({ kind: 'all_required' }),
});

/** The lowest and highest a sum of `count` answers on the scale can be (reversal keeps the range). */
export function scoreRange(scale: readonly { value: number }[], count: number): { min: number; max: number } {
  const values = scale.map((o) => o.value);
  return { min: Math.min(...values) * count, max: Math.max(...values) * count };
}

/**
 * The draft's structure alone: what a request must look like before the lead's permission is
 * checked. The cross-field rules (ids, bands, thresholds) are in customMeasureDraftSchema.
 */
export const customMeasureDraftShape = z.strictObject({
  name: text('a name for the questionnaire', 120),
  instructions: z.string().trim().max(2000, 'Must be 2000 characters or fewer').default(''),
  respondents: z
    .array(z.enum(RESPONDENTS, { error: 'Choose who answers from the list' }))
    .min(1, 'Choose who answers the questionnaire'),
  scale: z
    .array(scaleOptionSchema)
    .min(2, 'Give at least 2 answers to choose from')
    .max(11, 'Give at most 11 answers to choose from'),
  items: z.array(itemDraftSchema).min(1, 'Add at least one question').max(60, 'Use at most 60 questions'),
  scores: z.array(scoreDraftSchema).min(1, 'Add at least one score').max(6, 'Use at most 6 scores'),
});

export const customMeasureDraftSchema = customMeasureDraftShape.superRefine((draft, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  // The scale: each answer a different value.
  const seenValues = new Set<number>();
  draft.scale.forEach((o, i) => {
    if (seenValues.has(o.value)) issue(['scale', i, 'value'], 'Each answer needs a different value');
    seenValues.add(o.value);
  });

  // The questions: unique ids; a risk answer must be one of the scale's values.
  const items = new Map<string, (typeof draft.items)[number]>();
  draft.items.forEach((item, i) => {
    if (items.has(item.id)) issue(['items', i, 'id'], 'Two questions have the same id');
    items.set(item.id, item);
    if (item.riskAt !== undefined && !seenValues.has(item.riskAt)) {
      issue(['items', i, 'riskAt'], 'The risk answer must be one of the answers on the scale');
    }
  });

  draft.scores.forEach((score, s) => {
    const at = (...rest: (string | number)[]) => ['scores', s, ...rest];
    const inScore = new Set<string>();
    score.items.forEach((id, j) => {
      const item = items.get(id);
      if (!item) issue(at('items', j), 'This score uses a question that is not in the questionnaire');
      else if (item.unscored) issue(at('items', j), 'A question that is not scored cannot be part of a score');
      if (inScore.has(id)) issue(at('items', j), 'This question is already in the score');
      inScore.add(id);
    });
    if (score.missing.kind === 'prorate' && score.missing.maxMissing >= score.items.length) {
      issue(at('missing', 'maxMissing'), 'At least one question in the score must be answered');
    }

    const { min, max } = scoreRange(draft.scale, score.items.length);
    const range = `from ${min} to ${max}`;
    score.bands.forEach((band, j) => {
      if (band.from > band.to) issue(at('bands', j, 'to'), 'The highest score must not be below the lowest');
      if (band.from < min || band.from > max)
        issue(at('bands', j, 'from'), `A band must lie within the score, ${range}`);
      if (band.to < min || band.to > max) issue(at('bands', j, 'to'), `A band must lie within the score, ${range}`);
    });
    // Bands must not overlap: sorted by their lowest score, each starts after the one before ends.
    const order = score.bands.map((band, j) => ({ band, j })).sort((a, b) => a.band.from - b.band.from);
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const next = order[k]!;
      if (next.band.from <= prev.band.to) {
        issue(at('bands', next.j, 'from'), `This band overlaps “${prev.band.label}”`);
      }
    }
    const t = score.clinicalThreshold;
    if (t !== null && (t < min || t > max)) issue(at('clinicalThreshold'), `The clinical threshold must lie ${range}`);
  });
});

export type CustomMeasureDraftInput = z.input<typeof customMeasureDraftSchema>;
export type CustomMeasureDraft = z.output<typeof customMeasureDraftSchema>;

/**
 * The full definition of a school's own questionnaire from a checked draft: each score's possible
 * range from the scale, no reliable-change figure (band movement is shown instead), and the school's
 * own licence. `key` is "custom:<uuid>"; a changed questionnaire is stored as a new version.
 */
export function customMeasureDefinition(draft: CustomMeasureDraft, key: string, version: number): MeasureDefinition {
  const scores: ScoreDefinition[] = draft.scores.map((s, i) => ({
    id: `s${i + 1}`,
    label: s.label,
    items: [...s.items],
    combine: 'sum',
    ...scoreRange(draft.scale, s.items.length),
    higherIsBetter: s.higherIsBetter,
    bands: [...s.bands].sort((a, b) => a.from - b.from).map((b) => ({ ...b })),
    clinicalThreshold: s.clinicalThreshold,
    reliableChange: null,
    noReliableChangeReason: CUSTOM_NO_RELIABLE_CHANGE_REASON,
    missing:
      s.missing.kind === 'prorate' ? { kind: 'prorate', maxMissing: s.missing.maxMissing } : { kind: 'all_required' },
  }));
  return {
    key,
    version,
    name: draft.name,
    shortName: draft.name.length > 40 ? `${draft.name.slice(0, 39)}…` : draft.name,
    ages: 'As chosen by the school',
    respondents: [...new Set(draft.respondents)],
    instructions: draft.instructions,
    scale: draft.scale.map((o) => ({ value: o.value, label: o.label })),
    items: draft.items.map((item) => ({
      id: item.id,
      text: item.text,
      ...(item.reverse ? { reverse: true } : {}),
      ...(item.unscored ? { unscored: true } : {}),
      ...(item.riskAt !== undefined ? { riskAt: item.riskAt } : {}),
    })),
    scores,
    licence: {
      name: 'The school’s own questionnaire',
      note: 'Made by the school in Tandem. The school is responsible for having the right to use its wording.',
      itemTextShipped: true,
    },
    source: `Built by the school in Tandem (version ${version}).`,
  };
}
