import type { MeasureDefinition } from '../measure.types';
import { gad7 } from './gad7';
import { gbo } from './gbo';
import { mamf } from './mamf';
import { phq9 } from './phq9';
import { phqa } from './phqa';
import { scwbs } from './scwbs';

/** The measures built into Tandem (each licence allows software use; see each file's notes). */
export const BUILTIN_MEASURES: readonly MeasureDefinition[] = [mamf, scwbs, gbo, phq9, phqa, gad7];

/** A built-in measure by its key ("mamf", "scwbs", "gbo", "phq9", "phqa", "gad7"), else undefined. */
export function builtinMeasure(key: string): MeasureDefinition | undefined {
  return BUILTIN_MEASURES.find((m) => m.key === key);
}
