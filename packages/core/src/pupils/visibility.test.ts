import { describe, expect, it } from 'vitest';
import { caseAccessFor, caseScopeFor, pupilViewFor, type CaseScope } from './visibility';

const year9 = { yearGroup: 9, send: 'none' };
const year7Send = { yearGroup: 7, send: 'support' };
const scope = (role: Parameters<typeof caseScopeFor>[0], yearGroups: number[] | null = null, widened = false) =>
  caseScopeFor(role, { yearGroups, widened }) as CaseScope;

describe('caseScopeFor', () => {
  it('gives the head, SMHL and DSL team the whole school, whatever is stored', () => {
    for (const role of ['headteacher', 'smhl', 'dsl', 'deputy_dsl'] as const) {
      expect(scope(role, [7]).kind).toBe('school');
    }
  });

  it('gives a pastoral lead their years, the SENDCO the SEND register, Early Help a caseload', () => {
    expect(scope('pastoral_lead', [9])).toEqual({ kind: 'year_groups', yearGroups: [9], sendRegister: false });
    expect(scope('sendco')).toEqual({ kind: 'caseload', yearGroups: [], sendRegister: true });
    expect(scope('early_help_lead')).toEqual({ kind: 'caseload', yearGroups: [], sendRegister: false });
  });

  it('a widened scope is the whole school; roles without case work have none', () => {
    expect(scope('early_help_lead', null, true).kind).toBe('school');
    expect(caseScopeFor('teacher', { yearGroups: null, widened: true })).toBeNull();
  });
});

describe('caseAccessFor', () => {
  it('opens the case within scope', () => {
    expect(caseAccessFor([scope('pastoral_lead', [9])], year9, false, false)).toBe('case');
    expect(caseAccessFor([scope('sendco')], year7Send, false, false)).toBe('case');
    expect(caseAccessFor([scope('early_help_lead')], year9, true, false)).toBe('case');
    expect(caseAccessFor([scope('smhl')], year9, false, false)).toBe('case');
  });

  it('outside scope gives what a teacher of the pupil sees', () => {
    expect(caseAccessFor([scope('pastoral_lead', [10])], year9, false, true)).toBe('summary');
    expect(caseAccessFor([scope('pastoral_lead', [10])], year9, false, false)).toBe('basic');
    expect(caseAccessFor([scope('sendco')], year9, false, false)).toBe('basic');
    expect(caseAccessFor([scope('early_help_lead')], year7Send, false, true)).toBe('summary');
  });

  it('any one of several roles in scope is enough', () => {
    expect(caseAccessFor([scope('early_help_lead'), scope('sendco')], year7Send, false, false)).toBe('case');
  });

  it('agrees with pupilViewFor for staff without a case role', () => {
    expect(caseAccessFor([], year9, false, true)).toBe(pupilViewFor(['teacher'], true));
    expect(caseAccessFor([], year9, true, false)).toBe(pupilViewFor(['teacher'], false));
  });
});
