import { and, eq, isNull } from 'drizzle-orm';
import {
  AppError,
  type Actor,
  type IssueCodesBody,
  type PupilAccountsResponse,
  type PupilSetUpResponse,
} from '@tandem/core';
import { pupils, users } from '@tandem/core/schema';
import { issueOneTimeToken, issuePupilCode, liveToken, normaliseCode } from '../../auth/one-time-tokens';
import { claimOneTimeToken } from '../../auth/auth.queries';
import { insertUser } from '../../staff/staff.queries';
import type { AppDeps } from '../../platform/deps';
import { pupilName, schoolNameOf } from '../../platform/directory';
import { forAccount, inSchool, readInSchool } from '../../platform/gate';
import { settingsOf } from '../family.settings';
import { grantFamilyRole } from '../family.queries';
import { freeSignInName, listPupilAccounts, pupilsForCodes } from '../pupil-accounts.queries';
import { pupilCodesPdf } from '../pupil-codes.pdf';

export async function pupilAccounts(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  q: { yearGroup?: number; cursor?: string },
): Promise<PupilAccountsResponse> {
  return readInSchool(deps, { actor, schoolId }, 'family.manage', async (r) => {
    const years = (await settingsOf(r.db, schoolId)).pupilAccountYears;
    return { ...(await listPupilAccounts(r.db, schoolId, { ...q, years })), years };
  });
}

/**
 * Set-up codes for pupils in the year groups the school gives accounts to: an account (and the
 * pupil role) for each pupil without one, a fresh code for each (an earlier code stops working,
 * and a pupil who forgot their password sets a new one with it), and the printable sheet.
 */
export async function issuePupilCodes(deps: AppDeps, actor: Actor, schoolId: string, body: IssueCodesBody, ip: string) {
  return inSchool(deps, { actor, schoolId, ip }, 'family.manage', async (s) => {
    if ((body.yearGroup === undefined) === (body.pupilIds === undefined)) {
      throw new AppError('bad_request', 'choose one', {
        userMessage: 'Choose a year group or some pupils',
        fields: [{ path: 'yearGroup', message: 'Choose a year group or some pupils' }],
      });
    }
    const years = new Set((await settingsOf(s.tx, schoolId)).pupilAccountYears);
    const chosen = await pupilsForCodes(s.tx, schoolId, body);
    if (chosen.length === 0) {
      throw new AppError('bad_request', 'no pupils', {
        userMessage: 'There are no pupils on roll to make codes for.',
        fields: [{ path: 'yearGroup', message: 'Choose a year group with pupils on roll' }],
      });
    }
    const outside = chosen.filter((c) => !years.has(c.p.yearGroup));
    if (outside.length > 0) {
      throw new AppError('bad_request', 'year without accounts', {
        userMessage:
          'The school does not give pupil accounts to this year group. Change it in the portal settings first.',
        fields: [{ path: 'yearGroup', message: 'This year group does not have pupil accounts' }],
      });
    }
    const schoolName = await schoolNameOf(s.tx, schoolId);
    const slips = [];
    let newAccounts = 0;
    for (const { p, email } of chosen) {
      let userId = p.userId;
      let signInName = email;
      if (!userId || !signInName) {
        signInName = await freeSignInName(s.tx, p, schoolName);
        userId = await insertUser(s.tx, { email: signInName, displayName: pupilName(p) });
        await s.tx.update(pupils).set({ userId }).where(eq(pupils.id, p.id));
        newAccounts += 1;
      }
      await grantFamilyRole(s.tx, { userId, trustId: s.trustId, schoolId, role: 'pupil', grantedBy: actor.userId });
      slips.push({ name: pupilName(p), form: p.form, signInName, code: await issuePupilCode(s.tx, deps, userId) });
    }
    await s.audit(
      { action: 'family.pupil_codes_issued', detail: { pupils: slips.length, newAccounts } },
      { type: 'school', id: schoolId },
    );
    return pupilCodesPdf({ schoolName, setUpUrl: `${deps.config.publicUrl}/set-up`, slips, now: s.now });
  });
}

const BAD_CODE = () =>
  new AppError('not_found', 'code not found', {
    userMessage: 'That code does not work. Check it against your sheet, or ask your tutor for a new one.',
    fields: [{ path: 'code', message: 'That code does not work' }],
  });

/**
 * A pupil types the code from their slip: it is used up, and exchanged for a link token (an hour)
 * with which they choose their password on the set-password page.
 */
export async function pupilSetUp(deps: AppDeps, code: string, ip: string): Promise<PupilSetUpResponse> {
  const normal = normaliseCode(code);
  if (normal.length !== 10) throw BAD_CODE();
  return forAccount(deps, { ip }, async (a) => {
    const link = await liveToken(a.tx, a.now, normal).catch(() => {
      throw BAD_CODE();
    });
    if (link.purpose !== 'pupil_setup' || !(await claimOneTimeToken(a.tx, link.id, a.now))) throw BAD_CODE();
    const [p] = await a.tx
      .select({ p: pupils })
      .from(pupils)
      .where(and(eq(pupils.userId, link.userId), isNull(pupils.leftOn)));
    if (!p) throw BAD_CODE();
    const token = await issueOneTimeToken(a.tx, deps, link.userId, 'password_reset');
    const [u] = await a.tx.select({ email: users.email }).from(users).where(eq(users.id, link.userId));
    await a.audit({ action: 'family.pupil_account_set_up', detail: { pupilId: p.p.id } }, { userId: link.userId });
    return { firstName: p.p.preferredName ?? p.p.givenName, signInName: u?.email ?? '', token };
  });
}
