import { describe, expect, test } from 'vitest';
import { agesWords, dialNumber, filtersInUse, searchFrom, searchQuery, webWords } from './servicesApi';
import { emptyAgeProblems, emptyServiceValues, serviceBody, type ServiceFormValues } from './serviceValues';

describe('the search in the address', () => {
  test('keeps what the server accepts and drops the rest', () => {
    const s = searchFrom(new URLSearchParams('need=anxiety&age=14&audience=parents&q=%20sleep%20&includeRetired=true'));
    expect(s).toEqual({ need: 'anxiety', age: '14', audience: 'parents', q: 'sleep', includeRetired: true });
    expect(filtersInUse(s)).toBe(4);
    const bad = searchFrom(new URLSearchParams('need=nonsense&age=99&audience=everyone&includeRetired=yes'));
    expect(bad).toEqual({ need: '', age: '', audience: '', q: '', includeRetired: false });
    expect(filtersInUse(bad)).toBe(0);
  });

  test('leaves out what is not chosen', () => {
    const q = searchQuery({ need: '', age: ' 9 ', audience: '', q: '', includeRetired: false });
    expect(q).toEqual({ need: '', age: '9', audience: '', q: '', includeRetired: undefined });
  });
});

describe('words for an entry', () => {
  test('ages', () => {
    expect(agesWords({ ageFrom: 11, ageTo: 18 })).toBe('Ages 11 to 18');
    expect(agesWords({ ageFrom: 0, ageTo: 25 })).toBe('Any age');
    expect(agesWords({ ageFrom: 16, ageTo: 16 })).toBe('Age 16');
    expect(agesWords({ ageFrom: 18, ageTo: 25 })).toBe('Ages 18 and over');
  });

  test('the number to dial', () => {
    expect(dialNumber('0800 1111')).toBe('08001111');
    expect(dialNumber('111, option 2')).toBe('111');
    expect(dialNumber('+44 (0)20 7000 0000')).toBe('+442070000000');
    expect(dialNumber('Ask at reception')).toBeNull();
  });

  test('a web address as link text', () => {
    expect(webWords('https://www.kooth.com/')).toBe('www.kooth.com');
  });
});

describe('the editor', () => {
  const filled: ServiceFormValues = {
    ...emptyServiceValues(),
    name: 'Young carers',
    description: 'Groups for young carers.',
    audiences: ['pupils'],
    ageFrom: '8',
    ageTo: '18',
    needs: ['family'],
    selfReferral: 'yes',
    phone: '01234 567890',
  };

  test('a filled form becomes the body the server takes', () => {
    const parsed = serviceBody(filled);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ ageFrom: 8, ageTo: 18, selfReferral: true, status: 'active' });
  });

  test('an empty age gets the form’s own words', () => {
    const v = { ...filled, ageFrom: '' };
    expect(serviceBody(v).success).toBe(false);
    expect(emptyAgeProblems(v)).toEqual([{ path: 'ageFrom', message: 'Enter the youngest age' }]);
  });

  test('an unanswered self-referral question is refused', () => {
    const parsed = serviceBody({ ...filled, selfReferral: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('selfReferral');
  });
});
