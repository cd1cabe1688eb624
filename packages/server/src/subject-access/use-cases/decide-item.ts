/**
 * A person decides one item: disclose, redact (with the text to give) or withhold, with a reason
 * (and, to redact or withhold, the exemption relied on). Items from the safeguarding record are
 * decided by the DSL team only (anyone else: 404, as if the item did not exist). A decision made
 * again replaces the last. Audited with the item's kind and id, never its text.
 */
import { AppError, type DecideItemBody, type FieldIssue } from '@tandem/core';
import { subjectAccessDecisions } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { itemKey, requestIn } from '../subject-access.queries';
import { decidesRestricted, gatherItems, refuse, requireIdentity, requireOpen } from '../subject-access.rules';

export async function decideItem(deps: AppDeps, at: SchoolRequest, requestId: string, body: DecideItemBody) {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r } = await requestIn(tx, schoolId, requestId, true);
    requireOpen(r);
    requireIdentity(r);
    const items = await gatherItems(deps, tx, schoolId, r.pupilId);
    const item = items.find((i) => itemKey(i) === itemKey(body));
    if (!item || (item.restricted && !decidesRestricted(actor, schoolId))) {
      throw new AppError('not_found', 'item not held', {
        userMessage: 'We could not find that item: it may no longer be held. Load the review again.',
      });
    }
    const problems: FieldIssue[] = [];
    if (body.decision !== 'disclose' && body.category === null) {
      problems.push({ path: 'category', message: 'Choose why it is redacted or withheld' });
    }
    const redacted = body.redactedText?.trim() ?? '';
    if (body.decision === 'redact' && redacted === '') {
      problems.push({ path: 'redactedText', message: 'Enter the text to disclose, with the redactions made' });
    }
    if (body.decision === 'redact' && redacted === item.body.trim()) {
      problems.push({
        path: 'redactedText',
        message: 'Nothing is redacted yet: remove or replace what must not be disclosed',
      });
    }
    refuse(problems);
    const values = {
      decision: body.decision,
      category: body.decision === 'disclose' ? null : body.category,
      reason: body.reason,
      redactedText: body.decision === 'redact' ? redacted : null,
      itemTitle: item.title,
      itemAt: new Date(item.at),
      restricted: item.restricted,
      decidedBy: actor.userId,
      decidedAt: now,
    };
    await tx
      .insert(subjectAccessDecisions)
      .values({ schoolId, requestId: r.id, itemSource: item.source, itemKind: item.kind, itemId: item.id, ...values })
      .onConflictDoUpdate({
        target: [
          subjectAccessDecisions.requestId,
          subjectAccessDecisions.itemSource,
          subjectAccessDecisions.itemKind,
          subjectAccessDecisions.itemId,
        ],
        set: values,
      });
    await s.audit(
      {
        action: 'subject_access.item_decided',
        detail: {
          source: item.source,
          kind: item.kind,
          itemId: item.id,
          decision: body.decision,
          restricted: item.restricted,
        },
      },
      { type: 'subject_access_request', id: r.id },
    );
    return { ok: true as const };
  });
}
