/**
 * Statements the self-assessment rated below "established" that no action answers yet. The lead
 * writes an action for one straight from here; others see what is still to be planned.
 */
import type { ProposedAction } from '@tandem/core';
import { Tag } from '../components/Page';
import { Link } from '../router/router';
import { newActionPage, ratingTone, ratingWords } from './actionPlanApi';

export function ProposedActions({
  schoolId,
  proposed,
  canLead,
}: {
  schoolId: string;
  proposed: readonly ProposedAction[];
  canLead: boolean;
}) {
  return (
    <section className="action-section" aria-labelledby="proposed-heading">
      <h2 className="heading-l" id="proposed-heading">
        Proposed actions
      </h2>
      {proposed.length === 0 ? (
        <p className="empty-state">
          Every statement rated below “Established” has an action. Rate more statements in the self-assessment to see
          what else to plan.
        </p>
      ) : (
        <>
          <p>
            These statements were rated below “Established” and no action answers them yet.
            {canLead ? ' Write an action for each, or leave one for later.' : ' The lead writes the actions.'}
          </p>
          <ul className="proposal-list">
            {proposed.map((p) => (
              <li className="proposal" key={p.statementKey}>
                <p className="proposal__area caption">{p.areaTitle}</p>
                <p className="proposal__text">{p.statementText}</p>
                <div className="proposal__foot">
                  <Tag tone={ratingTone(p.rating)}>Rated {ratingWords(p.rating).toLowerCase()}</Tag>
                  {canLead && (
                    <Link
                      to={newActionPage(schoolId, { area: p.areaKey, statement: p.statementKey })}
                      className="button button--secondary proposal__button"
                    >
                      Write an action<span className="visually-hidden"> for “{p.statementText}”</span>
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
