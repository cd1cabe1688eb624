/**
 * A device handed to a pupil: while a session is handed to one questionnaire, it answers nothing
 * else (http/handed-device.ts refuses every other request) until the member of staff gives their
 * own password again (auth/use-cases/hand-back.ts). Kept on the session row, so every app process
 * sees it.
 */
import { eq } from 'drizzle-orm';
import { sessions } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export async function handDeviceTo(
  db: DbOrTx,
  sessionId: string,
  to: { schoolId: string; questionnaireId: string },
): Promise<void> {
  await db.update(sessions).set({ handedTo: to }).where(eq(sessions.id, sessionId));
}

export async function takeDeviceBack(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ handedTo: null }).where(eq(sessions.id, sessionId));
}
