/** Staff who manage requests record one: which pupil, who asked, how and when it came; its deadline is worked out. */
import { and, eq } from 'drizzle-orm';
import { londonToday, subjectAccessDeadline, type FieldIssue, type RecordSubjectAccessBody } from '@tandem/core';
import { pupils, subjectAccessRequests } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { pupilName } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { contactsOf } from '../subject-access.queries';
import { refuse } from '../subject-access.rules';

export async function recordRequest(
  deps: AppDeps,
  at: SchoolRequest,
  body: RecordSubjectAccessBody,
): Promise<{ id: string }> {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const today = londonToday(now);
    const [pupil] = await tx
      .select()
      .from(pupils)
      .where(and(eq(pupils.schoolId, schoolId), eq(pupils.id, body.pupilId)));
    if (!pupil) {
      refuse([{ path: 'pupilId', message: 'Choose a pupil of this school: we could not find that pupil.' }]);
      throw new Error('unreachable');
    }
    const problems: FieldIssue[] = [];
    let name = body.requesterName;
    let contactId: string | null = null;
    if (body.requesterKind === 'parent' && body.requesterContactId !== null) {
      const contact = (await contactsOf(tx, schoolId, pupil.id)).find((c) => c.id === body.requesterContactId);
      if (!contact)
        problems.push({ path: 'requesterContactId', message: 'Choose one of the pupil’s parents or carers.' });
      else {
        contactId = contact.id;
        name = contact.name;
      }
    }
    if (body.requesterKind === 'pupil' && name === '') name = pupilName(pupil);
    if (name === '') {
      problems.push({
        path: 'requesterName',
        message:
          body.requesterKind === 'parent'
            ? 'Choose the parent or carer, or enter the name of whoever asked'
            : 'Enter the name of whoever asked',
      });
    }
    if (body.requesterKind === 'representative' && body.requesterRelationship === '') {
      problems.push({
        path: 'requesterRelationship',
        message: 'Enter how they are acting for the pupil (for example, the family’s solicitor)',
      });
    }
    if (body.receivedOn > today)
      problems.push({ path: 'receivedOn', message: 'The date received cannot be in the future' });
    refuse(problems);
    const deadline = subjectAccessDeadline(body.receivedOn);
    const [row] = await tx
      .insert(subjectAccessRequests)
      .values({
        schoolId,
        pupilId: pupil.id,
        requesterKind: body.requesterKind,
        requesterName: name,
        requesterContactId: contactId,
        requesterRelationship: body.requesterKind === 'representative' ? body.requesterRelationship : '',
        receivedHow: body.receivedHow,
        receivedOn: body.receivedOn,
        deadline,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: subjectAccessRequests.id });
    if (!row) throw new Error('request not inserted');
    await s.audit(
      {
        action: 'subject_access.recorded',
        detail: { pupilId: pupil.id, requesterKind: body.requesterKind, receivedHow: body.receivedHow, deadline },
      },
      { type: 'subject_access_request', id: row.id },
    );
    return { id: row.id };
  });
}
