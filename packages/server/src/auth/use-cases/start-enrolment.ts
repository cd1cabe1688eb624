import QRCode from 'qrcode';
import { AppError } from '@tandem/core';
import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { updateUser } from '../auth.queries';
import { newTotpSecret, totpUri } from '../totp';

/**
 * Begin setting up two-factor sign-in: a new secret, kept pending until a code from it is
 * confirmed, shown as text, an otpauth address and a QR code.
 */
export async function startEnrolment(deps: AppDeps, auth: AuthState, ip: string) {
  if (auth.totpEnabled) {
    throw new AppError('conflict', 'already enrolled', { userMessage: 'Two-factor sign-in is already set up.' });
  }
  const secret = newTotpSecret();
  // Nothing is audited until the secret is confirmed: a pending secret grants nothing.
  await forAccount(deps, { ip }, (a) => updateUser(a.tx, auth.actor.userId, { totpPendingSecret: secret }));
  const otpauthUri = totpUri(secret, auth.actor.email);
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 });
  return { secret, otpauthUri, qrCodeDataUrl };
}
