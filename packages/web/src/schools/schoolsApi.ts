import { schoolSchema } from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';

export const schoolsResponse = z.object({ schools: z.array(schoolSchema) });

export const trustSchoolsPath = (trustId: string) => `/api/trusts/${enc(trustId)}/schools`;
export const schoolPath = (schoolId: string) => `/api/schools/${enc(schoolId)}`;
