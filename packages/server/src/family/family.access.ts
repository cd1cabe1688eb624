/**
 * Family routes let both portal roles in, so that a pupil asking for a parent's view (or another
 * pupil) gets the same 404 as anyone else asking for a child they may not see, never a 403 that
 * says the child exists. The reader check (platform/family-access.ts) then decides.
 */
import type { Permission } from '@tandem/core';

export const FAMILY: readonly Permission[] = ['portal.parent', 'portal.pupil'];
