import { expect, it } from 'vitest';
import { loggedUrl } from './logging';

it('logs a URL without its query string or a calendar feed’s secret', () => {
  expect(loggedUrl('/api/schools/abc/pupils?search=Olivia')).toBe('/api/schools/abc/pupils');
  expect(loggedUrl('/calendar/AbC_dEf-123.ics')).toBe('/calendar/[secret]');
  expect(loggedUrl('/calendar/AbC_dEf-123.ics?x=1')).toBe('/calendar/[secret]');
  expect(loggedUrl('/schools/abc/calendar-feed')).toBe('/schools/abc/calendar-feed');
});
