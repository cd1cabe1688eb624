/**
 * Attendance and provision in "my work": absences of pupils on the missing list not yet followed
 * up (the DSL team; these come straight after a pupil asking to talk and an urgent concern), and the reduced timetables
 * and visits this person leads that are due or overdue. The server decides what is listed.
 */
import { SESSION_LABELS, type MyWork as MyWorkAnswer } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Tag } from '../components/Page';
import { pupilPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { Section } from './MyWorkSection';

type Props = { school: SessionSchool; work: MyWorkAnswer };

export function MissingAbsences({ school, work }: Props) {
  if (work.missingAbsences.length === 0) return null;
  return (
    <Section id="missing-absences" title="Missing list: absent without a reason" count={work.missingAbsences.length}>
      <p>
        These pupils are on the missing list and were absent without a reason at the register. Follow up now, then
        record what was done on the <Link to={`/schools/${encodeURIComponent(school.id)}/missing`}>missing list</Link>.
      </p>
      <ul className="plan-list">
        {work.missingAbsences.map((a) => (
          <li key={a.alertId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={`${pupilPage(school.id, a.pupil.id)}?tab=attendance`}>{a.pupil.name}</Link>{' '}
              <Tag tone="red">Follow up now</Tag>
            </p>
            <p className="plan-list__meta">
              Absent <time dateTime={a.on}>{formatIsoDay(a.on)}</time>, {SESSION_LABELS[a.session].toLowerCase()}.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

const PROVISION_WORDS = {
  timetable_review: 'reduced timetable review',
  timetable_past_end: 'reduced timetable past its end date',
  visit: 'safeguarding visit or call',
} as const;

export function ProvisionDue({ school, work }: Props) {
  if (work.provisionDue.length === 0) return null;
  return (
    <Section id="provision-due" title="Reduced timetables and visits" count={work.provisionDue.length}>
      <ul className="plan-list">
        {work.provisionDue.map((p) => (
          <li key={`${p.kind}-${p.pupil.id}-${p.dueOn}`} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={`${pupilPage(school.id, p.pupil.id)}?tab=attendance`}>{p.pupil.name}</Link>:{' '}
              {PROVISION_WORDS[p.kind]} {p.overdue && <Tag tone="yellow">Overdue</Tag>}
            </p>
            <p className="plan-list__meta">
              {p.kind === 'timetable_past_end' ? 'Ended' : p.overdue ? 'Was due' : 'Due'}{' '}
              <time dateTime={p.dueOn}>{formatIsoDay(p.dueOn)}</time>
              {p.kind === 'timetable_past_end' ? ' and is still running: review it, extend it or end it.' : '.'}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
