import { builtinMeasure, type MeasureDefinition } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { askedItems, questionText, resumeAt, stepsOf } from './answering';

const measure = (key: string) => {
  const m: MeasureDefinition | undefined = builtinMeasure(key);
  if (m === undefined) throw new Error(`no measure ${key}`);
  return asSent(m);
};

const asSent = (m: MeasureDefinition) => ({
  ...m,
  respondents: [...m.respondents],
  scale: [...m.scale],
  items: m.items.map((i) => ({ ...i, options: i.options === undefined ? undefined : [...i.options] })),
  scores: [],
});

describe('answering steps', () => {
  it('starts at the instructions, then resumes at the first unanswered question', () => {
    const m = measure('phq9');
    const steps = stepsOf(m, {});
    expect(steps[0]).toEqual({ kind: 'intro' });
    expect(steps).toHaveLength(m.items.length + 2);
    expect(resumeAt(steps, {}, {})).toBe(0);
    expect(resumeAt(steps, { q1: 0, q2: 1 }, {})).toBe(3);
    const all = Object.fromEntries(m.items.map((i) => [i.id, 0]));
    expect(resumeAt(steps, all, {})).toBe(steps.length - 1);
  });

  it('asks for goals first and rates only the goals set', () => {
    const m = measure('gbo');
    expect(stepsOf(m, {}).map((s) => s.kind)).toEqual(['intro', 'goals', 'check']);
    const goals = { goal1: 'Eat lunch with friends', goal2: ' ', goal3: 'Sleep better' };
    expect(askedItems(m, goals).map((i) => i.id)).toEqual(['goal1', 'goal3']);
    const steps = stepsOf(m, goals);
    expect(resumeAt(steps, {}, goals)).toBe(2);
    expect(resumeAt(steps, { goal1: 4 }, goals)).toBe(3);
  });

  it('says where to read a question whose words are not shipped', () => {
    expect(questionText({ id: 'q3', text: null }, 3)).toBe('Question 3 (read it from your licensed copy)');
  });
});
