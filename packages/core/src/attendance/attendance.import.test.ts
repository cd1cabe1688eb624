import { describe, expect, it } from 'vitest';
import { makeUpn } from '../pupils/upn';
import { parseSession, weekBeginningOf, weekdayNumberOf } from './attendance.days';
import { attendancePercent, checkAttendanceRoll, readAttendanceTable, type RollPupil } from './attendance.import';

const TODAY = '2026-11-20'; // a Friday
const upn = (n: number) => makeUpn(`93${String(n).padStart(10, '0')}`);
const table = (text: string) => text.split('\n').map((line) => line.split(','));

function read(kind: 'weeks' | 'marks', text: string) {
  const r = readAttendanceTable(kind, table(text), TODAY);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('days', () => {
  it('finds the Monday of a week and the weekday of a day', () => {
    expect(weekBeginningOf('2026-11-20')).toBe('2026-11-16');
    expect(weekBeginningOf('2026-11-16')).toBe('2026-11-16');
    expect(weekBeginningOf('2026-11-22')).toBe('2026-11-16');
    expect(weekdayNumberOf('2026-11-21')).toBe(6);
  });
  it('reads sessions as MIS exports write them', () => {
    expect(parseSession('AM')).toBe('am');
    expect(parseSession('Afternoon')).toBe('pm');
    expect(parseSession('p.m.')).toBe('pm');
    expect(parseSession('evening')).toBeNull();
  });
  it('gives a percentage to one place, or none when nothing was possible', () => {
    expect(attendancePercent(9, 10)).toBe(90);
    expect(attendancePercent(2, 3)).toBe(66.7);
    expect(attendancePercent(0, 0)).toBeNull();
  });
});

describe('weekly totals', () => {
  it('reads SIMS, Arbor and Bromcom headers', () => {
    const sims = read(
      'weeks',
      `UPN,Week Beginning,Possible Sessions,Present + AEA,Authorised Absences,Unauthorised Absences\n${upn(1)},16/11/2026,10,9,1,0`,
    );
    const arbor = read(
      'weeks',
      `UPN,Week Start Date,Possible Marks,Present Marks,Authorised Absence Marks,Unauthorised Absence Marks\n${upn(1)},2026-11-16,10,9,1,0`,
    );
    const bromcom = read(
      'weeks',
      `UPN,Week Commencing,Sessions Possible,Sessions Attended,Authorised Absence,Unauthorised Absence\n${upn(1)},16/11/2026,10,9,0,1`,
    );
    for (const r of [sims, arbor, bromcom]) {
      expect(r.issues).toEqual([]);
      expect(r.payload.rows).toHaveLength(1);
    }
    expect(sims.payload.rows[0]).toMatchObject({ weekStart: '2026-11-16', possible: 10, attended: 9, authorised: 1 });
  });

  it('moves a week beginning on another day to its Monday, and says so', () => {
    const r = read(
      'weeks',
      `UPN,Week beginning,Possible,Attended,Authorised,Unauthorised\n${upn(1)},18/11/2026,10,10,0,0`,
    );
    expect(r.payload.rows[0]).toMatchObject({ weekStart: '2026-11-16' });
    expect(r.notes[0]).toMatch(/not a Monday/);
  });

  it('refuses sums over the possible sessions, bad numbers, future weeks and duplicates', () => {
    const r = read(
      'weeks',
      [
        'UPN,Week beginning,Possible,Attended,Authorised,Unauthorised',
        `${upn(1)},09/11/2026,10,8,2,1`,
        `${upn(2)},09/11/2026,ten,8,2,0`,
        `${upn(3)},09/11/2026,12,8,2,0`,
        `${upn(4)},30/11/2026,10,10,0,0`,
        `${upn(5)},09/11/2026,10,10,0,0`,
        `${upn(5)},11/11/2026,10,10,0,0`,
        `X123,09/11/2026,10,10,0,0`,
      ].join('\n'),
    );
    const byLine = (line: number) => r.issues.filter((i) => i.line === line).map((i) => i.message);
    expect(byLine(2)[0]).toMatch(/add up to 11, more than the 10 possible/);
    expect(byLine(3)[0]).toMatch(/whole number/);
    expect(byLine(4)[0]).toMatch(/at most 10 sessions/);
    expect(byLine(5)[0]).toMatch(/in the future/);
    expect(byLine(6)).toEqual([]);
    expect(byLine(7)[0]).toMatch(/more than once in the file: it is also on line 6/);
    expect(byLine(8)[0]).toMatch(/is not a UPN/);
    expect(r.payload.rows).toHaveLength(1);
  });

  it('names a missing column and the columns it found', () => {
    const r = read('weeks', `UPN,Week beginning,Possible,Attended\n${upn(1)},16/11/2026,10,9`);
    expect(r.issues.map((i) => i.message)).toEqual([
      'The file has no "Authorised absence" column. The columns found were: UPN, Week beginning, Possible, Attended.',
      'The file has no "Unauthorised absence" column. The columns found were: UPN, Week beginning, Possible, Attended.',
    ]);
  });

  it('refuses an empty file, or a header with nothing below', () => {
    expect(readAttendanceTable('weeks', [['']], TODAY)).toMatchObject({ ok: false });
    expect(readAttendanceTable('weeks', table('UPN,Week beginning'), TODAY)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no attendance below it/) as unknown,
    });
  });
});

describe('session marks', () => {
  it('reads the codes, including C2 and the codes for medical absence and provision elsewhere', () => {
    const r = read(
      'marks',
      [
        'UPN,Date,AM/PM,Attendance Code',
        `${upn(1)},16/11/2026,AM,/`,
        `${upn(1)},16/11/2026,PM,c2`,
        `${upn(2)},17/11/2026,am,I`,
        `${upn(2)},17/11/2026,pm,K`,
        `${upn(3)},18/11/2026,AM,-`,
      ].join('\n'),
    );
    expect(r.issues).toEqual([]);
    expect(r.payload.rows.map((m) => ('code' in m ? m.code : ''))).toEqual(['/', 'C2', 'I', 'K']);
    expect(r.notes[0]).toMatch(/1 row has no mark yet/);
  });

  it('refuses an unknown code (saying which codes are accepted), a weekend, a bad session, a duplicate', () => {
    const r = read(
      'marks',
      [
        'UPN,Session Date,Session,Mark',
        `${upn(1)},16/11/2026,AM,Q9`,
        `${upn(1)},14/11/2026,AM,/`,
        `${upn(1)},17/11/2026,evening,/`,
        `${upn(2)},17/11/2026,AM,/`,
        `${upn(2)},17/11/2026,Morning,N`,
      ].join('\n'),
    );
    const byLine = (line: number) => r.issues.filter((i) => i.line === line).map((i) => i.message);
    expect(byLine(2)[0]).toMatch(/^"Q9" is not a national attendance code\. .*accepts .*: \/, \\, L, K/);
    expect(byLine(3)[0]).toMatch(/is a Saturday/);
    expect(byLine(4)[0]).toMatch(/should be AM or PM/);
    expect(byLine(6)[0]).toMatch(/also on line 5/);
    expect(r.issues.every((i) => i.upn !== undefined)).toBe(true);
  });
});

describe('the roll', () => {
  it('finds pupils not on roll and pupils who have left', () => {
    const r = read(
      'marks',
      `UPN,Date,Session,Mark\n${upn(1)},16/11/2026,AM,/\n${upn(2)},16/11/2026,AM,/\n${upn(3)},16/11/2026,AM,/`,
    );
    const roll = new Map<string, RollPupil>([
      [upn(1), { id: 'a', name: 'Ada Lovelace', onRoll: true }],
      [upn(2), { id: 'b', name: 'Ben Left', onRoll: false }],
    ]);
    const issues = checkAttendanceRoll(r.payload, roll);
    expect(issues.map((i) => i.line)).toEqual([3, 4]);
    expect(issues[0]?.message).toMatch(/has left the school, so is not on roll/);
    expect(issues[1]?.message).toMatch(/not on roll/);
  });
});
