import { describe, expect, it } from 'vitest';
import { findRiskWord } from './risk-words';
import { DEFAULT_RISK_WORDS } from './family.values';

describe('findRiskWord', () => {
  it.each([
    'I want to kill myself',
    'thinking about SUICIDE',
    'i just want to end it',
    'I keep wanting to hurt myself.',
    'been self-harming again',
    'self harm',
    'selfharm',
    'Self  Harm!!',
    "I'm going to end it all tonight",
    'sometimes i want to die',
    'I cut myself last night',
  ])('finds a risk word in %j', (note) => {
    expect(findRiskWord(note, DEFAULT_RISK_WORDS)).not.toBeNull();
  });

  it.each(['', 'Had a good day with my friends', 'I will send items to my nan'])('finds nothing in %j', (note) => {
    expect(findRiskWord(note, DEFAULT_RISK_WORDS)).toBeNull();
  });

  it("uses the school's own list", () => {
    expect(findRiskWord('I feel hopeless', ['hopeless'])).toBe('hopeless');
    expect(findRiskWord('I feel hopeless', DEFAULT_RISK_WORDS)).toBeNull();
  });
});
