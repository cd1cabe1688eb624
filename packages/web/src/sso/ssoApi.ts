/** Addresses shared by the single sign-on pages and the sign-in page's buttons. */
import { enc } from '../api/client';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const ssoApi = (schoolId: string) => `${schoolApi(schoolId)}/sso`;
export const ssoProviderApi = (schoolId: string, provider: string) => `${ssoApi(schoolId)}/${enc(provider)}`;
export const ssoPage = (schoolId: string) => `${schoolPage(schoolId)}/single-sign-on`;
export const ssoProviderPage = (schoolId: string, provider: string) =>
  `${ssoPage(schoolId)}/${encodeURIComponent(provider)}`;
