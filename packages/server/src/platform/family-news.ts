/**
 * Something new has been shared with a child's parents (a plan agreed for home, a termly letter, a
 * place, a referral they are told about, a questionnaire for them to answer). The feature that shared
 * it calls `tellFamily` in its own transaction; the family feature's due job e-mails each parent one
 * content-free message ("There is something new for you in Tandem") for everything waiting.
 */
import { familyNews } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export async function tellFamily(tx: DbOrTx, o: { schoolId: string; pupilId: string; now: Date }): Promise<void> {
  await tx.insert(familyNews).values({ schoolId: o.schoolId, pupilId: o.pupilId, createdAt: o.now });
}
