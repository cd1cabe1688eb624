import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, parentHomeLines } from './framework';
import { addressKey, greetingName, letterHouseholds, recipientName, salutation, type LetterContact } from './letters';
import { LEVEL_CODES } from './levels.values';
import { THRIVING_AT_HOME } from './sharing.schemas';

const contact = (c: Partial<LetterContact> & { id: string; name: string }): LetterContact => ({
  title: null,
  address: null,
  parentalResponsibility: true,
  priority: 1,
  ...c,
});

describe('the parent-facing home lines of a level', () => {
  it('are only ever the parent wording, never a staff line', () => {
    for (const code of LEVEL_CODES) {
      const w = DEFAULT_LEVELS[code];
      const staff = new Set(
        [...w.schoolProvides, ...w.homeDoes, ...w.schoolToDo, ...w.homeToDo, w.description, w.evidenceToMoveUp].map(
          (l) => l.trim(),
        ),
      );
      // The school's wording with no parent lines of its own yet, and the framework's own.
      for (const wording of [{ ...w, parentAtHome: [] }, w, undefined]) {
        const lines = parentHomeLines(code, wording);
        expect(lines.length, code).toBeGreaterThan(0);
        for (const line of lines) expect(staff.has(line), `${code}: ${line}`).toBe(false);
      }
    }
    expect(parentHomeLines('MH4', DEFAULT_LEVELS.MH4).join(' ')).not.toContain('medical sign off');
  });

  it("use the school's own parent wording when it has one, without blanks or repeats", () => {
    expect(parentHomeLines('MH2', { parentAtHome: [' Read together. ', '', 'Read together.'] })).toEqual([
      'Read together.',
    ]);
  });

  it('with no level (Thriving) are the advice every family gets', () => {
    expect(parentHomeLines(null, DEFAULT_LEVELS.MH1)).toEqual([...THRIVING_AT_HOME]);
  });
});

describe('who a letter home is to', () => {
  it('greets a contact by title and surname, or by name without a title', () => {
    expect(salutation([{ name: 'Emma Clarke', title: 'Ms' }])).toBe('Dear Ms Clarke');
    expect(salutation([{ name: 'Emma Clarke', title: null }])).toBe('Dear Emma Clarke');
    expect(salutation([{ name: 'Mrs Lee', title: 'Mrs' }])).toBe('Dear Mrs Lee');
    expect(salutation([{ name: 'Priya  Shah', title: 'Dr.' }])).toBe('Dear Dr Shah');
    expect(
      salutation([
        { name: 'Emma Clarke', title: 'Ms' },
        { name: 'Jo Clarke', title: 'Mrs' },
      ]),
    ).toBe('Dear Ms Clarke and Mrs Clarke');
    expect(salutation([])).toBe('Dear parent or carer');
  });

  it('names a contact in full on the envelope, without a repeated title', () => {
    expect(recipientName({ name: 'Emma Clarke', title: 'Ms' })).toBe('Ms Emma Clarke');
    expect(recipientName({ name: 'Mr Lee', title: 'Mr' })).toBe('Mr Lee');
    expect(greetingName({ name: 'Sam', title: null })).toBe('Sam');
  });

  it('makes one letter per address of the contacts with parental responsibility', () => {
    const households = letterHouseholds([
      contact({ id: 'b', name: 'Tom Hart', title: 'Mr', address: '9 Oak Street', priority: 2 }),
      contact({ id: 'a', name: 'Emma Hart', title: 'Ms', address: '1 Elm Road\nRB1 1AA', priority: 1 }),
      contact({ id: 'c', name: 'Jo Hart', address: '1 ELM ROAD, RB1 1AA', priority: 3 }),
      contact({ id: 'd', name: 'Sam Hart', priority: 4 }),
      contact({ id: 'e', name: 'Rae Hart', priority: 5 }),
      contact({ id: 'f', name: 'Bill Hart', address: '9 Oak Street', parentalResponsibility: false }),
    ]);
    expect(households.map((h) => h.recipients.map((r) => r.id))).toEqual([['a', 'c'], ['b'], ['d'], ['e']]);
    expect(households[0]?.address).toBe('1 Elm Road\nRB1 1AA');
    expect(addressKey(' 1 Elm Road,\n RB1 1AA ')).toBe(addressKey('1 elm road rb1 1aa'));
    expect(addressKey('  ')).toBeNull();
    expect(letterHouseholds([contact({ id: 'x', name: 'X', parentalResponsibility: false })])).toEqual([]);
  });
});
