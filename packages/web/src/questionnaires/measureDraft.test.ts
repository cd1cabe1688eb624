import { customMeasureDefinition, customMeasureDraftSchema, type CustomMeasureDraftInput } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { emptyForm, fieldOrderOf, formOf, nearestField, newItemRow, newScoreRow, toDraft } from './measureDraft';

const draft: CustomMeasureDraftInput = {
  name: 'Feelings at school',
  instructions: 'Think about the last two weeks.',
  respondents: ['pupil'],
  scale: [
    { label: 'Never', value: 0 },
    { label: 'Sometimes', value: 1 },
    { label: 'Often', value: 2 },
  ],
  items: [
    { id: 'q1', text: 'I feel safe', reverse: true },
    { id: 'q2', text: 'I want to hurt myself', riskAt: 1 },
  ],
  scores: [
    {
      label: 'Total',
      items: ['q1', 'q2'],
      higherIsBetter: false,
      clinicalThreshold: 3,
      missing: { kind: 'all_required' },
      bands: [
        { from: 0, to: 2, label: 'Low', clinical: false },
        { from: 3, to: 4, label: 'High', clinical: true },
      ],
    },
  ],
};

describe('the questionnaire builder form', () => {
  it('gives back the same questionnaire it was made from', () => {
    const parsed = customMeasureDraftSchema.parse(draft);
    const form = formOf(customMeasureDefinition(parsed, 'custom:1', 1));
    expect(customMeasureDraftSchema.parse(toDraft(form))).toEqual(parsed);
  });

  it('leaves blank numbers out so the check asks for them', () => {
    const form = emptyForm();
    form.scores = [{ ...newScoreRow(), label: 'Total', items: ['q1'], higherIsBetter: 'no' }];
    form.items = [{ ...newItemRow([]), text: 'A question' }];
    form.scale[0] = { ...form.scale[0]!, value: '' };
    const result = customMeasureDraftSchema.safeParse(toDraft(form));
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('scale.0.value');
  });

  it('numbers new questions after the highest so far', () => {
    expect(newItemRow([{ ...newItemRow([]), id: 'q4' }]).id).toBe('q5');
  });

  it('shows a problem beside the nearest field', () => {
    const form = emptyForm();
    form.scores = [newScoreRow()];
    const order = fieldOrderOf(form);
    expect(nearestField('scores.0.items.2', order)).toBe('scores.0.items');
    expect(nearestField('items.0.id', order)).toBe('items');
  });
});
