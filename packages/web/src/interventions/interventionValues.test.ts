import { describe, expect, test } from 'vitest';
import { rowOpen, rowPanel } from './interventionsApi';
import {
  changeInterventionBody,
  emptyInterventionValues,
  emptyNumberProblems,
  newInterventionBody,
  NO_MEASURE,
  valuesFromIntervention,
  type InterventionFormValues,
} from './interventionValues';

const STAFF_ID = '3f8a1c1e-6a0b-4a53-9d5e-1c2b3d4e5f60';

const filled: InterventionFormValues = {
  ...emptyInterventionValues(),
  name: ' ELSA ',
  format: 'one_to_one',
  places: '2',
  sessionCount: '6',
  sessionMinutes: '45',
  sessionDay: 'tuesday',
  suitsLevels: ['MH3', 'MH2'],
  measureKey: 'gbo',
  staffUserIds: [STAFF_ID],
};

describe('the intervention editor’s answers', () => {
  test('a filled form becomes the body the server takes, always running when new', () => {
    const parsed = newInterventionBody({ ...filled, status: 'paused' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      name: 'ELSA',
      places: 2,
      sessionCount: 6,
      sessionMinutes: 45,
      suitsLevels: ['MH2', 'MH3'],
      measureKey: 'gbo',
      status: 'running',
    });
  });

  test('“None” is no measure', () => {
    expect(newInterventionBody({ ...filled, measureKey: NO_MEASURE }).data?.measureKey).toBeNull();
  });

  test('empty or wrong numbers and unchosen questions are refused with core’s words', () => {
    const parsed = newInterventionBody({ ...emptyInterventionValues(), places: 'two' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'format', 'places', 'sessionCount', 'sessionDay', 'suitsLevels', 'staffUserIds']),
    );
  });

  test('a number left empty is asked for in the form’s own words', () => {
    expect(emptyNumberProblems({ ...filled, places: ' ', sessionMinutes: '' })).toEqual([
      { path: 'places', message: 'Enter the number of places' },
      { path: 'sessionMinutes', message: 'Enter the length of a session in minutes' },
    ]);
    expect(emptyNumberProblems(filled)).toEqual([]);
  });

  test('a change carries the version it was made from and its status', () => {
    const parsed = changeInterventionBody({ ...filled, status: 'retired' }, 4);
    expect(parsed.data).toMatchObject({ version: 4, status: 'retired' });
  });

  test('an intervention loaded into the form gives the same body back', () => {
    const body = newInterventionBody(filled).data;
    if (body === undefined) throw new Error('expected a body');
    const values = valuesFromIntervention({
      ...body,
      id: 'i1',
      measureName: 'Goal Based Outcomes',
      version: 1,
      staff: [{ id: STAFF_ID, name: 'Grace Lee' }],
      inCount: 0,
      waitingCount: 0,
      mine: false,
      canOpen: true,
    });
    expect(newInterventionBody(values).data).toEqual(body);
  });
});

describe('the one form open on an intervention’s page', () => {
  test('a row’s open form is read back from the page’s panel', () => {
    expect(rowOpen(rowPanel('p1', 'move'), 'p1')).toBe('move');
    expect(rowOpen(rowPanel('p1', 'move'), 'p2')).toBeNull();
    expect(rowOpen('ask', 'p1')).toBeNull();
    expect(rowOpen(null, 'p1')).toBeNull();
  });
});
