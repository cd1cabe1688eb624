import { enc } from '../api/client';

export const staffPath = (schoolId: string) => `/api/schools/${enc(schoolId)}/staff`;
export const memberRolesPath = (schoolId: string, userId: string) =>
  `/api/schools/${enc(schoolId)}/staff/${enc(userId)}/roles`;
export const resendPath = (schoolId: string, userId: string) =>
  `/api/schools/${enc(schoolId)}/staff/${enc(userId)}/resend-invitation`;
export const memberPath = (schoolId: string, userId: string) => `/api/schools/${enc(schoolId)}/staff/${enc(userId)}`;
