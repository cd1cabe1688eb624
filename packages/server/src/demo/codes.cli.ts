/** Prints the current two-factor code for the demo accounts (they share one authenticator secret). */
import { totpCodeAt } from '../auth/totp';
import { DEMO_TOTP_SECRET } from './demo-data';

const now = new Date();
const code = await totpCodeAt(DEMO_TOTP_SECRET, now);
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`Two-factor code for every demo account: ${code} (changes in ${secondsLeft} s)`);
console.log(`Or add the secret ${DEMO_TOTP_SECRET} to an authenticator app.`);
