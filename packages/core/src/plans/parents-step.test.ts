import { describe, expect, it } from 'vitest';
import { isParentsStep } from './plans';

const emma = { userId: 'u-emma', names: ['Emma Clarke'] };

describe('isParentsStep', () => {
  it.each(['Emma Clarke', 'emma  clarke', 'Emma Clarke (mother)', 'Parent', 'Mum', 'Parents / carers', 'Family'])(
    'marks a step owned by %j as the parent’s',
    (ownerName) => {
      expect(isParentsStep({ ownerUserId: null, ownerName }, emma)).toBe(true);
    },
  );
  it.each(['Sam Patel', 'Daniel Clarke (father)', 'Olivia', ''])('does not mark a step owned by %j', (ownerName) => {
    expect(isParentsStep({ ownerUserId: null, ownerName }, emma)).toBe(false);
  });
  it('marks a step owned by their own account', () => {
    expect(isParentsStep({ ownerUserId: 'u-emma', ownerName: 'E. Clarke' }, emma)).toBe(true);
    expect(isParentsStep({ ownerUserId: 'u-sam', ownerName: 'Sam Patel' }, emma)).toBe(false);
  });
});
