import { schoolSchema } from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';

export const schoolsResponse = z.object({ schools: z.array(schoolSchema) });

export const trustSchoolsPath = (trustId: string) => `/api/trusts/${enc(trustId)}/schools`;
export const schoolPath = (schoolId: string) => `/api/schools/${enc(schoolId)}`;

/** The help under a DfE number field: what it is and where to find it. */
export const DFE_NUMBER_HINT =
  'Your DfE number: your local authority number and establishment number, for example 888/4321, as shown on Get Information about Schools. Tandem uses it to check that a common transfer file (CTF) is meant for your school.';
