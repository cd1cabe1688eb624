import { describe, expect, it } from 'vitest';
import { calendarTitle, mayHaveCalendarFeed, pupilInitials } from './calendar.events';

describe('calendar titles', () => {
  it('carry initials from the given and family names, never the names', () => {
    expect(pupilInitials({ givenName: 'jack', familyName: 'Wilson' })).toBe('J.W.');
    expect(pupilInitials({ givenName: ' Émile', familyName: 'O’Brien' })).toBe('É.O.');
    expect(calendarTitle('planReview', [{ givenName: 'Jack', familyName: 'Wilson' }])).toBe('Plan review — J.W.');
    expect(
      calendarTitle('nextStep', [
        { givenName: 'Amy', familyName: 'Bell' },
        { givenName: 'Kai', familyName: 'Moss' },
      ]),
    ).toBe('Next step due — A.B., K.M.');
    expect(calendarTitle('meeting', [])).toBe('Meeting');
  });

  it('are for staff: a parent or a pupil may not have a feed', () => {
    expect(mayHaveCalendarFeed([{ role: 'teacher' }])).toBe(true);
    expect(mayHaveCalendarFeed([{ role: 'trust_lead' }])).toBe(true);
    expect(mayHaveCalendarFeed([{ role: 'parent' }, { role: 'pupil' }])).toBe(false);
    expect(mayHaveCalendarFeed([])).toBe(false);
  });
});
