/** Subject access requests near or past their deadline, in "my work" of those who manage requests. */
import type { MyWork } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Tag } from '../components/Page';
import { Section } from '../home/MyWorkSection';
import { Link } from '../router/router';
import { daysLeftWords, requestPage } from './subjectAccessApi';

export function SubjectAccessDue({ school, work }: { school: SessionSchool; work: MyWork }) {
  const due = work.subjectAccessDue;
  if (due.length === 0) return null;
  return (
    <Section id="subject-access-due" title="Subject access requests due" count={due.length}>
      <ul className="plan-list">
        {due.map((x) => (
          <li key={x.requestId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={requestPage(school.id, x.requestId)}>Request about {x.pupil.name}</Link>{' '}
              <Tag tone={x.overdue ? 'red' : 'yellow'}>{daysLeftWords(x.daysLeft)}</Tag>
            </p>
            <p className="plan-list__meta">
              Deadline <time dateTime={x.dueOn}>{formatIsoDay(x.dueOn)}</time>.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
