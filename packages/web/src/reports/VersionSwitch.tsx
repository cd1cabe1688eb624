/**
 * The switch between the leads' version of a school's report and the governors' (counts only,
 * small numbers hidden, no pupils listed): two links, the one shown marked as current.
 */
import type { ReportVersion } from '@tandem/core';
import { Link } from '../router/router';

const LABELS: Record<ReportVersion, string> = {
  leads: 'For leads',
  governors: 'Governors’ version (counts only)',
};

export function VersionSwitch({ current, hrefFor }: { current: ReportVersion; hrefFor: (v: ReportVersion) => string }) {
  return (
    <nav className="report-versions" aria-label="Version of the report">
      <ul className="report-versions__list">
        {(['leads', 'governors'] as const).map((v) => (
          <li key={v} className="report-versions__item">
            <Link
              to={hrefFor(v)}
              className={
                v === current ? 'report-versions__link report-versions__link--current' : 'report-versions__link'
              }
              aria-current={v === current ? 'page' : undefined}
            >
              {LABELS[v]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What the version shown means, in a sentence. */
export function versionWords(version: ReportVersion): string {
  return version === 'leads'
    ? 'The leads’ version: every number, and the pupils behind a number for those allowed to see them.'
    : 'The governors’ version: counts only. A count from 1 to 4 is shown as “fewer than 5”, and no pupil is named.';
}
