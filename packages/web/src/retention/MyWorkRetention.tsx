/**
 * Records retention in "my work": a child-protection file waiting for a second person to confirm
 * its destruction (everyone who may confirm it but its proposer), and for the DSL team how many
 * pupils' records are past their review date. Both lead to the retention page. The server decides.
 */
import { RECORD_CLASS_LABELS, type MyWork, type RecordClass } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Section } from '../home/MyWorkSection';
import { Link } from '../router/router';
import { retentionPage } from './retentionApi';

export function RetentionDue({ school, work }: { school: SessionSchool; work: MyWork }) {
  const toConfirm = work.destructionsToConfirm;
  const pastReview = work.retentionPastReview;
  const count = toConfirm.length + pastReview.length;
  if (count === 0) return null;
  const page = retentionPage(school.id);
  return (
    <Section id="retention-due" title="Records retention" count={count}>
      <ul className="plan-list">
        {toConfirm.map((d) => (
          <li key={d.destructionId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={page}>A child-protection file is waiting for a second person to confirm its destruction</Link>
            </p>
            <p className="plan-list__meta">
              {d.pupil.name}’s file, proposed by {d.proposedByName}, {formatDateTime(d.proposedAt)}.
            </p>
          </li>
        ))}
        {pastReview.map((r) => (
          <li key={r.recordClass} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={page}>{pastReviewTitle(r.recordClass)}</Link>
            </p>
            <p className="plan-list__meta">
              {countOf(r.pupils, 'pupil')}. Review them, then destroy what is no longer needed.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** "Child-protection files past their review date", "Wellbeing records past their review date". */
function pastReviewTitle(recordClass: RecordClass): string {
  const label = RECORD_CLASS_LABELS[recordClass];
  return `${label.endsWith('file') ? `${label}s` : label} past their review date`;
}
