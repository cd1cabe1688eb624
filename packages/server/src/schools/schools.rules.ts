import { AppError } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { dfeNumberInUse } from './schools.queries';

/** Refuses a DfE number another school already has: like URNs, DfE numbers are national. */
export async function requireDfeNumberFree(db: DbOrTx, dfeNumber: string, exceptSchoolId?: string): Promise<void> {
  if (!(await dfeNumberInUse(db, dfeNumber, exceptSchoolId))) return;
  throw new AppError('conflict', 'dfe number in use', {
    userMessage: 'A school with that DfE number is already in Tandem.',
    fields: [{ path: 'dfeNumber', message: 'A school with this DfE number already exists' }],
  });
}
