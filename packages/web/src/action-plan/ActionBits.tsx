/** One action's tags and short facts, shared by the plan and the action page. */
import type { ImprovementAction } from '@tandem/core';
import { formatDate, formatIsoDay } from '../components/dates';
import { Tag, TagList } from '../components/Page';
import { Link } from '../router/router';
import { actionPage, statusTone, statusWords } from './actionPlanApi';

export function ActionTags({ action: a }: { action: ImprovementAction }) {
  return (
    <TagList label="Status">
      <li>
        <Tag tone={statusTone(a.status)}>{statusWords(a.status)}</Tag>
      </li>
      {a.overdue && (
        <li>
          <Tag tone="red">Overdue</Tag>
        </li>
      )}
      {a.carriedFrom !== null && (
        <li>
          <Tag tone="teal">Carried forward from {a.carriedFrom}</Tag>
        </li>
      )}
    </TagList>
  );
}

/** The latest progress note in a sentence, or that there is none yet. */
export function LatestProgress({ action: a }: { action: ImprovementAction }) {
  const latest = a.notes.at(-1);
  if (latest === undefined) return <p className="action-card__progress hint">No progress noted yet.</p>;
  return (
    <p className="action-card__progress">
      <span className="action-card__label">Latest progress</span> ({latest.byName},{' '}
      <time dateTime={latest.at}>{formatDate(latest.at)}</time>): {latest.note}
    </p>
  );
}

/** One action in the plan: its title linking to its page, tags and the facts governors ask about. */
export function ActionCard({ schoolId, action: a }: { schoolId: string; action: ImprovementAction }) {
  return (
    <li className="action-card">
      <h4 className="action-card__title">
        <Link to={actionPage(schoolId, a.id)}>{a.title}</Link>
      </h4>
      <ActionTags action={a} />
      <dl className="action-facts">
        <div>
          <dt>Owner</dt>
          <dd>{a.owner.name}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            <time dateTime={a.dueOn}>{formatIsoDay(a.dueOn)}</time>
          </dd>
        </div>
      </dl>
      {a.statementText !== null && (
        <p className="action-card__statement">
          <span className="action-card__label">Answers</span> “{a.statementText}”
        </p>
      )}
      <p className="action-card__criteria">
        <span className="action-card__label">Success looks like</span> {a.successCriteria}
      </p>
      <LatestProgress action={a} />
    </li>
  );
}
