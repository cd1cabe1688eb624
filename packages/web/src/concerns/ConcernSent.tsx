/** After a concern is sent: find the DSL now (urgent), or where the concern went. */
import { useEffect } from 'react';
import type { SessionSchool } from '../auth/session';
import { countOf } from '../components/format';
import { PageTitle } from '../components/Page';
import { schoolPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { DslList, FindDslNowTitle } from './ConcernBits';
import { concernPage, myConcernsPage } from './concernsApi';
import type { LogResult } from './logConcernValues';

export function ConcernSent({
  school,
  result,
  attached,
  failures,
  onAnother,
}: {
  school: SessionSchool;
  result: LogResult;
  attached: number;
  failures: readonly { name: string; message: string }[];
  onAnother: () => void;
}) {
  const title = result.showEmergencyProcedure
    ? 'Medical emergency: do this first'
    : result.findDslNow
      ? 'Find the DSL in person now'
      : 'Concern sent';
  useEffect(() => {
    document.getElementById('page-heading')?.focus();
  }, []);
  return (
    <div className="narrow-wide">
      {result.showEmergencyProcedure ? (
        <>
          <PageTitle title={title}>
            <span className="urgent-heading">
              <span className="urgent-panel__icon" aria-hidden="true">
                !
              </span>
              Medical emergency: do this first
            </span>
          </PageTitle>
          <section className="urgent-panel" aria-label="What to do now">
            <ol className="list list--number urgent-panel__steps">
              {result.emergencyProcedure.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
            <p className="urgent-panel__call">
              <a href="tel:999">Call 999</a>
            </p>
          </section>
        </>
      ) : result.findDslNow ? (
        <FindDslNowTitle />
      ) : (
        <PageTitle caption={school.name}>Concern sent</PageTitle>
      )}

      {result.findDslNow && (
        <section className="urgent-panel" aria-labelledby="find-dsl-now">
          <h2 className="urgent-panel__title" id="find-dsl-now">
            {result.showEmergencyProcedure ? 'Then find the DSL in person now' : 'On duty today'}
          </h2>
          {result.showEmergencyProcedure && <p className="urgent-panel__label">On duty today</p>}
          <DslList people={result.dslOnDuty} />
          <p className="urgent-panel__lead">
            <strong>Do not wait for a reply.</strong> Go to them now, or send someone you trust to fetch them. Stay with
            the pupil if they are at risk.
          </p>
          <p>If you cannot find anyone on the DSL team, go to the headteacher or the school office.</p>
        </section>
      )}

      {!result.findDslNow && result.showEmergencyProcedure && result.dslOnDuty.length > 0 && (
        <section className="urgent-panel" aria-labelledby="tell-dsl">
          <h2 className="urgent-panel__title" id="tell-dsl">
            When the pupil is safe, tell the DSL
          </h2>
          <p className="urgent-panel__label">On duty today</p>
          <DslList people={result.dslOnDuty} />
        </section>
      )}

      <div className={result.findDslNow ? 'sent-panel sent-panel--quiet' : 'sent-panel'}>
        <p className="sent-panel__title">
          {result.route === 'dsl'
            ? 'Sent to the DSL team as urgent'
            : result.urgent
              ? 'Sent as urgent to the DSL team and the Mental Health Lead'
              : 'Sent to the Mental Health Lead'}
        </p>
        <p className="sent-panel__reference">
          Reference <strong>{result.reference}</strong>
        </p>
      </div>
      {result.alerted.length > 0 && (
        <div className="sent-alerted">
          <h2 className="heading-s">Alerted now, in Tandem and by e-mail</h2>
          <ul className="list list--bullet">
            {result.alerted.map((g) => (
              <li key={g.who}>
                {g.who}: {g.names.join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.alreadyReceived && <p>This concern had already been received, so it has not been sent twice.</p>}
      {attached > 0 && <p>{countOf(attached, 'file')} attached.</p>}
      {failures.length > 0 && (
        <div className="problem-box" role="alert">
          <h2 className="heading-s problem-box__title">
            {failures.length === 1 ? 'One file could not be attached' : 'Some files could not be attached'}
          </h2>
          <ul className="list list--bullet">
            {failures.map((f, i) => (
              <li key={i}>
                <strong className="break-anywhere">{f.name}</strong>: {f.message}
              </li>
            ))}
          </ul>
          <p>
            Your concern has been sent. You can add the file from{' '}
            <Link to={concernPage(school.id, result.id)}>the concern</Link> in the next 24 hours.
          </p>
        </div>
      )}

      <h2 className="heading-m">What happens next</h2>
      {result.route === 'dsl' ? (
        <p>
          The DSL team has been alerted. They decide what happens next. Because this may be a safeguarding matter, you
          will see only that it was sent to the DSL.
        </p>
      ) : (
        <p>
          The Mental Health Lead and the SENDCO have been told. They will read it, decide what to do, and may ask you
          about it. You can see it in your concerns.
        </p>
      )}
      <ul className="link-list">
        <li>
          <button type="button" className="link-button" onClick={onAnother}>
            Log another concern
          </button>
        </li>
        <li>
          <Link to={myConcernsPage(school.id)}>See the concerns you have logged</Link>
        </li>
        <li>
          <Link to={schoolPage(school.id)}>Go to your home page</Link>
        </li>
      </ul>
    </div>
  );
}
