import { describe, expect, it } from 'vitest';
import { isValidUpn, makeUpn, upnCheckLetter } from './upn';

describe('unique pupil numbers', () => {
  it('computes the check letter by the DfE rule', () => {
    // 0x2 + 1x3 + 2x4 + ... + 1x13 = 388; 388 mod 23 = 20, the 21st letter of A..Z without I, O, S: 'X'.
    expect(upnCheckLetter('012345678901')).toBe('X');
    expect(isValidUpn('X012345678901')).toBe(true);
    expect(isValidUpn('A012345678901')).toBe(false);
  });

  it('refuses the wrong length or characters', () => {
    expect(isValidUpn('X01234567890')).toBe(false);
    expect(isValidUpn('X0123456789O1')).toBe(false);
    expect(isValidUpn(makeUpn('90000100000A'))).toBe(true);
  });
});
