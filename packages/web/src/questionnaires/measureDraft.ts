/**
 * The school's own questionnaire as the builder form holds it (text boxes hold text), and the
 * conversions to and from `customMeasureDraftSchema` (core's measures/custom.ts).
 */
import type { CustomMeasureDraftInput, MeasureDefinition, Respondent } from '@tandem/core';
import { newKey } from '../components/RepeatableRows';

type Definition = MeasureDefinition;

export interface ScaleRow {
  key: string;
  label: string;
  value: string;
}
export interface ItemRow {
  key: string;
  id: string;
  text: string;
  reverse: boolean;
  unscored: boolean;
  /** The scale value at or above which the answer opens the urgent route, or '' for none. */
  riskAt: string;
}
export interface BandRow {
  key: string;
  from: string;
  to: string;
  label: string;
  clinical: boolean;
}
export interface ScoreRow {
  key: string;
  label: string;
  items: string[];
  higherIsBetter: '' | 'yes' | 'no';
  clinicalThreshold: string;
  missing: 'all_required' | 'prorate';
  maxMissing: string;
  bands: BandRow[];
}
export interface MeasureForm {
  name: string;
  instructions: string;
  respondents: Respondent[];
  scale: ScaleRow[];
  items: ItemRow[];
  scores: ScoreRow[];
}

export const newScaleRow = (label = '', value = ''): ScaleRow => ({ key: newKey('scale'), label, value });
export const newBandRow = (): BandRow => ({ key: newKey('band'), from: '', to: '', label: '', clinical: false });
export const newScoreRow = (): ScoreRow => ({
  key: newKey('score'),
  label: '',
  items: [],
  higherIsBetter: '',
  clinicalThreshold: '',
  missing: 'all_required',
  maxMissing: '',
  bands: [],
});

/** A new question gets the next free id ("q1", "q2"...), kept for as long as the question is. */
export function newItemRow(items: readonly ItemRow[]): ItemRow {
  const used = items.map((i) => /^q(\d+)$/.exec(i.id)?.[1]).map((n) => (n === undefined ? 0 : Number(n)));
  const next = Math.max(0, ...used) + 1;
  return { key: newKey('item'), id: `q${String(next)}`, text: '', reverse: false, unscored: false, riskAt: '' };
}

export function emptyForm(): MeasureForm {
  return {
    name: '',
    instructions: '',
    respondents: ['pupil'],
    scale: [newScaleRow('Never', '0'), newScaleRow('Sometimes', '1'), newScaleRow('Often', '2')],
    items: [newItemRow([])],
    scores: [],
  };
}

/** A number typed into a box: blank is left out (so the check says "Enter ..."), words fail the check. */
const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

export function toDraft(form: MeasureForm): CustomMeasureDraftInput {
  return {
    name: form.name,
    instructions: form.instructions,
    respondents: form.respondents,
    scale: form.scale.map((o) => ({ label: o.label, value: num(o.value) as number })),
    items: form.items.map((i) => ({
      id: i.id,
      text: i.text,
      ...(i.reverse ? { reverse: true } : {}),
      ...(i.unscored ? { unscored: true } : {}),
      ...(i.riskAt === '' ? {} : { riskAt: Number(i.riskAt) }),
    })),
    scores: form.scores.map((s) => ({
      label: s.label,
      items: s.items,
      higherIsBetter: (s.higherIsBetter === '' ? undefined : s.higherIsBetter === 'yes') as boolean,
      clinicalThreshold: num(s.clinicalThreshold) ?? null,
      missing:
        s.missing === 'prorate'
          ? { kind: 'prorate', maxMissing: num(s.maxMissing) as number }
          : { kind: 'all_required' },
      bands: s.bands.map((b) => ({
        from: num(b.from) as number,
        to: num(b.to) as number,
        label: b.label,
        clinical: b.clinical,
      })),
    })),
  };
}

/** The builder's form for a questionnaire the school made before (to make its next version). */
export function formOf(m: Definition): MeasureForm {
  return {
    name: m.name,
    instructions: m.instructions,
    respondents: [...m.respondents],
    scale: m.scale.map((o) => newScaleRow(o.label, String(o.value))),
    items: m.items.map((i) => ({
      key: newKey('item'),
      id: i.id,
      text: i.text ?? '',
      reverse: i.reverse === true,
      unscored: i.unscored === true,
      riskAt: i.riskAt === undefined ? '' : String(i.riskAt),
    })),
    scores: m.scores.map((s) => ({
      key: newKey('score'),
      label: s.label,
      items: [...s.items],
      higherIsBetter: s.higherIsBetter ? 'yes' : 'no',
      clinicalThreshold: s.clinicalThreshold === null ? '' : String(s.clinicalThreshold),
      missing: s.missing.kind,
      maxMissing: s.missing.kind === 'prorate' ? String(s.missing.maxMissing) : '',
      bands: s.bands.map((b) => ({
        key: newKey('band'),
        from: String(b.from),
        to: String(b.to),
        label: b.label,
        clinical: b.clinical,
      })),
    })),
  };
}

/** Every field's path, in the order they appear, for the error summary. */
export function fieldOrderOf(form: MeasureForm): string[] {
  return [
    'name',
    'instructions',
    'respondents',
    ...form.scale.flatMap((_, i) => [`scale.${String(i)}.label`, `scale.${String(i)}.value`]),
    'scale',
    ...form.items.flatMap((_, i) => [`items.${String(i)}.text`, `items.${String(i)}.riskAt`]),
    'items',
    ...form.scores.flatMap((s, i) => {
      const at = `scores.${String(i)}`;
      return [
        `${at}.label`,
        `${at}.items`,
        `${at}.higherIsBetter`,
        `${at}.clinicalThreshold`,
        `${at}.missing`,
        `${at}.missing.maxMissing`,
        ...s.bands.flatMap((_, j) => [
          `${at}.bands.${String(j)}.from`,
          `${at}.bands.${String(j)}.to`,
          `${at}.bands.${String(j)}.label`,
        ]),
        `${at}.bands`,
      ];
    }),
    'scores',
  ];
}

/** The nearest field a problem's path belongs to ("scores.0.items.2" to "scores.0.items"). */
export function nearestField(path: string, known: readonly string[]): string {
  const parts = path.split('.');
  while (parts.length > 1 && !known.includes(parts.join('.'))) parts.pop();
  return parts.join('.');
}
