/**
 * Agreement to a plan: who must agree this version, whose agreement is recorded, marking it as
 * agreed (by the plan's lead or the Senior Mental Health Lead), recording someone's agreement, and
 * agreement to earlier versions.
 */
import { AGREEMENT_HOW_LABELS, AGREEMENT_PARTY_LABELS, planMutationResponse } from '@tandem/core';
import { apiPost, toApiError } from '../api/client';
import { useSession, type SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Button } from '../components/Form';
import { Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { WorkItem } from '../components/WorkItem';
import { RecordAgreementForm } from './PlanCaseForms';
import { partiesInWords, planApi, type CasePlan } from './plansApi';

function AgreementItem({
  a,
  level = 4,
  showVersion = false,
}: {
  a: CasePlan['agreements'][number];
  level?: 3 | 4;
  showVersion?: boolean;
}) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <li className="timeline__item">
      <H className="timeline__title">
        {AGREEMENT_PARTY_LABELS[a.party]}: {a.name}
        {a.relationship !== '' && `, ${a.relationship}`}
      </H>
      <p className="timeline__meta">
        {showVersion && `Version ${String(a.version)}. `}
        {AGREEMENT_HOW_LABELS[a.how]}, on {formatIsoDay(a.agreedOn)}. Recorded by {a.recordedByName}.
      </p>
      {a.note !== '' && <p className="pre-line">{a.note}</p>}
    </li>
  );
}

/** The agreement section of a plan's page; `panel` is whether "Record agreement" is open. */
export function PlanAgreement({
  school,
  data,
  write,
  panel,
  onToggle,
  onDone,
  onCancel,
  onChanged,
  onStale,
}: {
  school: SessionSchool;
  data: CasePlan;
  write: boolean;
  panel: boolean;
  onToggle: () => void;
  onDone: (title: string, text?: string) => void;
  onCancel: () => void;
  onChanged: (title: string, text?: string) => void;
  onStale: () => void;
}) {
  const p = data.plan;
  const { session } = useSession();
  const action = useAction();
  // The server lets the plan's lead, or the Senior Mental Health Lead, mark a plan agreed.
  const mayAgree = (session.user !== null && session.user.id === p.lead.id) || school.roles.includes('smhl');
  const current = data.agreements.filter((a) => a.version === p.version);
  const earlier = data.agreements.filter((a) => a.version !== p.version);

  const markAgreed = () =>
    action.run(async () => {
      try {
        const url = `${planApi(school.id, p.id)}/agree`;
        const result = await apiPost(url, { version: p.version }, planMutationResponse);
        onChanged(
          `Version ${String(result.version)} is agreed`,
          p.parentShareable
            ? 'Its parent-facing parts are what parents and carers will see on the parent portal.'
            : undefined,
        );
      } catch (error) {
        // The plan changed meanwhile: show it as it is now, as well as saying why.
        if (toApiError(error).code === 'conflict') onStale();
        throw error;
      }
    });

  return (
    <section aria-labelledby="agreement-title">
      <h2 className="heading-l" id="agreement-title">
        Agreement
      </h2>
      <p>
        {p.agreementsNeeded.length === 0
          ? `Version ${String(p.version)} does not need anyone outside the case team to agree it.`
          : `Version ${String(p.version)} needs agreement from ${partiesInWords(p.agreementsNeeded, AGREEMENT_PARTY_LABELS).replace(/^./, (c) => c.toLowerCase())}.`}
      </p>
      {p.status === 'agreed' && (
        <p>
          <Tag tone="green">Agreed</Tag> Version {p.version} has been marked as agreed.
        </p>
      )}
      {current.length > 0 ? (
        <>
          <h3 className="heading-s">Agreement recorded for version {p.version}</h3>
          <ol className="timeline" aria-label={`Agreement recorded for version ${String(p.version)}`}>
            {current.map((a) => (
              <AgreementItem key={a.id} a={a} />
            ))}
          </ol>
        </>
      ) : (
        <p className="secondary-text">No one&rsquo;s agreement has been recorded for version {p.version} yet.</p>
      )}
      {p.status === 'awaiting_agreement' && p.missingAgreements.length > 0 && (
        <p>
          <strong>Still to agree:</strong> {partiesInWords(p.missingAgreements, AGREEMENT_PARTY_LABELS)}.
        </p>
      )}
      {action.problem !== null && (
        <div className="problem-box" role="alert">
          <p className="error-text">{action.problem}</p>
        </div>
      )}
      {write && (
        <>
          {p.status === 'awaiting_agreement' && !mayAgree && (
            <p className="hint">
              When everyone has agreed, the plan&rsquo;s lead ({p.lead.name}) or the Senior Mental Health Lead marks it
              as agreed.
            </p>
          )}
          {p.status === 'awaiting_agreement' && mayAgree && (
            <div className="call-to-action">
              <p>
                {p.missingAgreements.length === 0
                  ? 'Everyone who must agree has agreed. Mark the plan as agreed to put it in place.'
                  : 'When everyone above has agreed, and their agreement is recorded, mark the plan as agreed.'}
              </p>
              <Button
                variant={p.missingAgreements.length === 0 ? 'primary' : 'secondary'}
                busy={action.busy}
                busyText="Saving…"
                aria-describedby={p.missingAgreements.length > 0 ? 'still-to-agree' : undefined}
                onClick={() => {
                  void markAgreed();
                }}
              >
                Mark as agreed
              </Button>
              {p.missingAgreements.length > 0 && (
                <p className="hint" id="still-to-agree">
                  Still to record: {partiesInWords(p.missingAgreements, AGREEMENT_PARTY_LABELS)}.
                </p>
              )}
            </div>
          )}
          <ul className="work__list">
            <WorkItem
              id="work-agreement"
              label="Record agreement"
              hint="Someone has agreed this version: who, how and when."
              open={panel}
              onToggle={onToggle}
            >
              <RecordAgreementForm school={school} plan={p} onDone={onDone} onCancel={onCancel} onStale={onStale} />
            </WorkItem>
          </ul>
        </>
      )}
      {earlier.length > 0 && (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">Agreement to earlier versions ({earlier.length})</span>
          </summary>
          <div className="details__text">
            <ol className="timeline" aria-label="Agreement to earlier versions">
              {earlier.map((a) => (
                <AgreementItem key={a.id} level={current.length > 0 ? 4 : 3} a={a} showVersion />
              ))}
            </ol>
          </div>
        </details>
      )}
    </section>
  );
}
