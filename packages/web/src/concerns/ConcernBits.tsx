/** Small parts the concern pages share: status words, the urgent mark, who is on DSL duty. */
import {
  CONCERN_STATUS_LABELS,
  type dslDutyResponse,
  PARENTS_STATUS_LABELS,
  WEEKDAY_LABELS,
  type ConcernStatus,
  type ParentsStatus,
} from '@tandem/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { PageTitle, Tag } from '../components/Page';

/**
 * The one mark for something urgent: the word, with a warning icon, on the one colour kept for
 * urgent things. Nothing else in Tandem uses it.
 */
export function UrgentTag({ children = 'Urgent' }: { children?: ReactNode }) {
  return (
    <strong className="tag tag--urgent">
      <span className="tag__icon" aria-hidden="true">
        !
      </span>
      {children}
    </strong>
  );
}

export function StatusTag({ status }: { status: ConcernStatus }) {
  const tone = status === 'open' ? 'blue' : status === 'acknowledged' ? 'teal' : 'grey';
  return <Tag tone={tone}>{CONCERN_STATUS_LABELS[status]}</Tag>;
}

/** A concern a parent or carer sent from the family portal ("tell the school"). */
export function FromParentTag() {
  return <Tag tone="teal">From a parent or carer</Tag>;
}

export function RestrictedTag() {
  return <Tag tone="grey">Safeguarding record: DSL team only</Tag>;
}

export function OverdueTag({ count }: { count: number }) {
  if (count === 0) return null;
  return <Tag tone="yellow">{countOf(count, 'action')} overdue</Tag>;
}

/**
 * Where parents stand, in words. Nothing in the safeguarding record is ever told to parents by
 * school, whatever else the record says.
 */
export function parentsWords(status: ParentsStatus, pupilTellsBy: string | null, restricted = false): string {
  if (restricted && status !== 'told') return 'Not to be told by school: safeguarding record';
  if (status === 'pupil_telling' && pupilTellsBy !== null) {
    return `${PARENTS_STATUS_LABELS.pupil_telling}, by ${formatDateTime(pupilTellsBy)}`;
  }
  return PARENTS_STATUS_LABELS[status];
}

type Duty = z.infer<typeof dslDutyResponse>;

/** The weekday in the UK today: 1 = Monday .. 7 = Sunday. */
export function ukWeekday(now: Date = new Date()): number {
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/London' }).format(now);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1;
}

/** Who is on DSL duty today, as the server decides it: the rota for a weekday, else the whole team. */
export function onDutyToday(duty: Duty, now: Date = new Date()): { name: string; whereToFind: string }[] {
  const weekday = ukWeekday(now);
  const rota = duty.days.filter((d) => d.weekday === weekday);
  if (weekday <= 5 && rota.length > 0) return rota.map((d) => ({ name: d.name, whereToFind: d.whereToFind }));
  return duty.team.map((t) => ({ name: t.name, whereToFind: '' }));
}

export function weekdayName(weekday: number): string {
  return WEEKDAY_LABELS[weekday - 1] ?? '';
}

/** A list of the people to find, with where to find each. */
export function DslList({ people }: { people: readonly { name: string; whereToFind: string }[] }) {
  if (people.length === 0) {
    return (
      <p>
        No DSL is set up in Tandem for your school. Go to the headteacher or the school office straight away, and ask
        them to find the Designated Safeguarding Lead.
      </p>
    );
  }
  return (
    <ul className="list list--plain dsl-list">
      {people.map((p, i) => (
        <li key={`${p.name}-${String(i)}`} className="dsl-list__item">
          <strong className="dsl-list__name">{p.name}</strong>
          {p.whereToFind !== '' && <span className="dsl-list__where">{p.whereToFind}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The page heading when an urgent concern needs the DSL found in person (sent, or saved offline). */
export function FindDslNowTitle() {
  return (
    <PageTitle title="Find the DSL in person now">
      <span className="urgent-heading">
        <span className="urgent-panel__icon" aria-hidden="true">
          !
        </span>
        Find the DSL in person now
      </span>
    </PageTitle>
  );
}
