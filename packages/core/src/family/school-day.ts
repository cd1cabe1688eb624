/**
 * When a pupil's "I'd like to talk to someone" must be acknowledged by: the end of the school day
 * (the school's time, in England) on which it was sent, or, if sent after that or at a weekend, the
 * end of the next weekday.
 */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'shortOffset',
});

function london(at: Date) {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  const m = /GMT([+-]\d+)?/.exec(p.timeZoneName ?? '');
  return {
    y: Number(p.year),
    mo: Number(p.month),
    d: Number(p.day),
    minutes: Number(p.hour) * 60 + Number(p.minute),
    offsetHours: m?.[1] ? Number(m[1]) : 0,
  };
}

/** The instant at which a London wall-clock time on a given calendar day falls. */
function londonInstant(y: number, mo: number, d: number, hh: number, mm: number): Date {
  const guess = new Date(Date.UTC(y, mo - 1, d, hh, mm));
  const offset = london(guess).offsetHours;
  return new Date(guess.getTime() - offset * 3_600_000);
}

export function endOfSchoolDay(now: Date, dayEndsAt: string): Date {
  const [hh, mm] = dayEndsAt.split(':').map(Number) as [number, number];
  const here = london(now);
  let day = new Date(Date.UTC(here.y, here.mo - 1, here.d));
  const weekday = (dt: Date) => dt.getUTCDay() !== 0 && dt.getUTCDay() !== 6;
  if (!weekday(day) || here.minutes >= hh * 60 + mm) {
    do day = new Date(day.getTime() + 86_400_000);
    while (!weekday(day));
  }
  return londonInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hh, mm);
}
