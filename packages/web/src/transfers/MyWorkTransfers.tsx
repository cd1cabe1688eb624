/**
 * Leavers' files in "my work": the child-protection file for the DSL team, the wellbeing file for
 * the SMHL, each due five school days after leaving; overdue ones marked. The server decides.
 */
import { TRANSFER_FILE_LABELS, type MyWork as MyWorkAnswer } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Tag } from '../components/Page';
import { Link } from '../router/router';
import { Section } from '../home/MyWorkSection';
import { transferPage } from './transfersApi';

export function TransfersDue({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  if (work.transfersDue.length === 0) return null;
  return (
    <Section id="transfers-due" title="Leavers’ files to send" count={work.transfersDue.length}>
      <ul className="plan-list">
        {work.transfersDue.map((t) => (
          <li key={`${t.transferId}-${t.file}`} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={transferPage(school.id, t.transferId)}>{t.pupil.name}</Link>:{' '}
              {TRANSFER_FILE_LABELS[t.file].toLowerCase()} {t.overdue && <Tag tone="red">Overdue</Tag>}
            </p>
            <p className="plan-list__meta">
              {t.overdue ? 'Was due' : 'Due'} <time dateTime={t.dueOn}>{formatIsoDay(t.dueOn)}</time>.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
