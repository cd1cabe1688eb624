/** Rows to API answers for interventions, in one place. */
import type { InterventionSummary, MeasureDefinition } from '@tandem/core';
import { pupilName } from '../platform/directory';
import type { InterventionRow, PlaceWithPupil } from './interventions.queries';

export function summaryOf(
  i: InterventionRow,
  o: {
    staff: { id: string; name: string }[];
    inCount: number;
    waitingCount: number;
    measure: MeasureDefinition | undefined;
    mine: boolean;
    canOpen: boolean;
  },
): InterventionSummary {
  return {
    id: i.id,
    name: i.name,
    description: i.description,
    format: i.format,
    places: i.places,
    sessionCount: i.sessionCount,
    sessionMinutes: i.sessionMinutes,
    sessionDay: i.sessionDay,
    suitsLevels: i.suitsLevels,
    measureKey: i.measureKey,
    measureName: o.measure ? o.measure.name : null,
    status: i.status,
    version: i.version,
    staff: o.staff,
    inCount: o.inCount,
    waitingCount: o.waitingCount,
    mine: o.mine,
    canOpen: o.canOpen,
  };
}

export function pupilBriefOf(r: Pick<PlaceWithPupil, 'place' | 'pupil'>) {
  return {
    pupilId: r.place.pupilId,
    name: pupilName(r.pupil),
    yearGroup: r.pupil.yearGroup,
    form: r.pupil.form || null,
    level: r.pupil.level,
  };
}

export function measureChoiceOf(m: MeasureDefinition) {
  return { key: m.key, name: m.name, licenceName: m.licence.name, licenceNote: m.licence.note };
}
