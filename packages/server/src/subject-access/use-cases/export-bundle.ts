/**
 * The result of a request: what was decided to disclose, as a PDF bundle for the requester and as
 * machine-readable JSON. Only once every item (the safeguarding record's included) has a decision;
 * a bundle that discloses anything from the safeguarding record is downloaded by the DSL team only.
 * Withheld items are counted by the exemption's category, never described. Audited.
 */
import { AppError, EXEMPTION_CATEGORIES, type SubjectAccessExport } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { isoDay } from '../../platform/dates';
import { pupilName, schoolNameOf } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { dueOnOf } from '../subject-access.mapping';
import { renderBundle } from '../subject-access.pdf';
import { requestIn } from '../subject-access.queries';
import { buildReview, decidesRestricted, requireIdentity } from '../subject-access.rules';

async function bundle(deps: AppDeps, at: SchoolRequest, requestId: string, format: 'pdf' | 'json') {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r, p } = await requestIn(tx, schoolId, requestId);
    requireIdentity(r);
    const review = await buildReview(deps, tx, { schoolId, request: r, seeRestricted: true });
    if (!review.complete) {
      throw new AppError('conflict', 'review not complete', {
        userMessage: 'Every item needs a decision before the bundle can be downloaded.',
      });
    }
    const given = review.all.filter((x) => x.decision !== null && x.decision.decision !== 'withhold');
    if (given.some((x) => x.item.restricted) && !decidesRestricted(actor, schoolId)) {
      throw new AppError('forbidden', 'bundle discloses the safeguarding record', {
        userMessage: 'This bundle discloses items from the safeguarding record: a member of the DSL team downloads it.',
      });
    }
    const withheld = review.all.filter((x) => x.decision?.decision === 'withhold');
    const byCategory = EXEMPTION_CATEGORIES.map((category) => ({
      category,
      count: withheld.filter((x) => (x.decision?.category ?? 'other') === category).length,
    })).filter((c) => c.count > 0);
    const out: SubjectAccessExport = {
      format: 'tandem-subject-access/1',
      exportedAt: now.toISOString(),
      school: await schoolNameOf(tx, schoolId),
      request: {
        id: r.id,
        requesterName: r.requesterName,
        requesterKind: r.requesterKind,
        receivedOn: r.receivedOn,
        deadline: dueOnOf(r),
      },
      pupil: { name: pupilName(p), dateOfBirth: p.dateOfBirth, upn: p.upn },
      items: given.map(({ item, decision }) => ({
        source: item.source,
        kind: item.kind,
        at: item.at,
        title: item.title,
        redacted: decision?.decision === 'redact',
        text: decision?.decision === 'redact' ? (decision.redactedText ?? '') : item.body,
      })),
      withheld: { count: withheld.length, byCategory },
    };
    await s.audit(
      { action: 'subject_access.exported', detail: { format, disclosed: given.length, withheld: withheld.length } },
      { type: 'subject_access_request', id: r.id },
    );
    const slug = pupilName(p)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    return { out, filename: `subject-access-${slug}-${isoDay(now)}`, actorName: actor.displayName };
  });
}

export async function exportJson(deps: AppDeps, at: SchoolRequest, requestId: string) {
  const { out, filename } = await bundle(deps, at, requestId, 'json');
  return { json: out, filename: `${filename}.json` };
}

export async function exportPdf(deps: AppDeps, at: SchoolRequest, requestId: string) {
  const { out, filename, actorName } = await bundle(deps, at, requestId, 'pdf');
  const pdf = await renderBundle({ data: out, preparedBy: actorName, date: deps.clock.now() });
  return { pdf, filename: `${filename}.pdf` };
}
