/**
 * What single sign-on writes to the audit trail: providers, fields and reason codes, never an
 * e-mail address, a name or a secret. A completed sign-in is `auth.signed_in` with method 'sso', as
 * every sign-in path writes the same entry. Gathered in audit/events.ts.
 */
import type { SsoProvider, SsoRefusal } from './sso.values';

export type SsoAuditEvent =
  | {
      action: 'sso.connection_saved';
      detail: { provider: SsoProvider; fields: string[]; secretReplaced: boolean; enabled: boolean };
    }
  | { action: 'sso.connection_checked'; detail: { provider: SsoProvider; ok: boolean } }
  | { action: 'auth.sso_refused'; detail: { provider: SsoProvider | null; reason: SsoRefusal } };

export const SSO_AUDIT_LABELS: Record<SsoAuditEvent['action'], string> = {
  'sso.connection_saved': 'Changed the single sign-on connection',
  'sso.connection_checked': 'Checked the single sign-on connection',
  'auth.sso_refused': 'Single sign-on refused',
};
