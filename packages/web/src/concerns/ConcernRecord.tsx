/** The record of a concern as it was written: who, when, where, what was seen, signs, disclosure. */
import { CONCERN_ROUTE_LABELS, DISCLOSURE_CONSENT_LABELS, WARNING_SIGNS } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatDateTime, formatRelative } from '../components/dates';
import { SummaryList } from '../components/Page';
import { pupilPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { parentsWords } from './ConcernBits';
import { type ConcernFull } from './concernsApi';

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** A moment as its date and time, and how long ago. */
export function When({ at }: { at: string }) {
  return (
    <>
      <time dateTime={at}>{formatDateTime(at)}</time> <span className="secondary-text">({formatRelative(at)})</span>
    </>
  );
}

function PupilLinks({ school, pupils }: { school: SessionSchool; pupils: ConcernFull['pupils'] }) {
  return (
    <ul className="list list--plain">
      {pupils.map((p) => (
        <li key={p.id}>
          <Link to={pupilPage(school.id, p.id)}>{p.name}</Link>
          {p.form !== '' && <span className="secondary-text">, form {p.form}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Never editable: additions and corrections are shown beneath it, by the page. */
export function ConcernRecord({ school, concern: c }: { school: SessionSchool; concern: ConcernFull }) {
  return (
    <>
      <SummaryList
        rows={[
          {
            key: 'pupils',
            label: c.pupils.length === 1 ? 'Pupil' : 'Pupils',
            value: <PupilLinks school={school} pupils={c.pupils} />,
          },
          { key: 'when', label: 'When it happened', value: <When at={c.occurredAt} /> },
          { key: 'where', label: 'Where', value: c.location },
          {
            key: 'logged',
            label: 'Logged',
            value: (
              <>
                <When at={c.loggedAt} />, by {c.loggedByName}
              </>
            ),
          },
          {
            key: 'others',
            label: 'Who else was there',
            value: c.othersPresent === '' ? <span className="secondary-text">Nobody named</span> : c.othersPresent,
          },
          {
            key: 'answers',
            label: 'The three questions',
            value: (
              <ul className="list list--plain">
                <li>Medical emergency: {yesNo(c.medicalEmergency)}</li>
                <li>Risk of immediate harm: {yesNo(c.riskOfImmediateHarm)}</li>
                <li>Possible child protection: {yesNo(c.possibleChildProtection)}</li>
              </ul>
            ),
          },
          {
            key: 'route',
            label: 'Sent to',
            value: CONCERN_ROUTE_LABELS[c.route],
          },
          {
            key: 'parents',
            label: 'Parents and carers',
            value: parentsWords(c.parentsStatus, c.pupilTellsBy, c.restricted),
          },
        ]}
      />

      <h2 className="heading-m">What was seen or heard</h2>
      <div className="record-text pre-line">{c.account}</div>
      <p className="hint">
        This is the record as it was written. It cannot be changed: additions and corrections are shown below it.
      </p>

      {c.pupilWords !== null && c.pupilWords !== '' && (
        <>
          <h2 className="heading-m">The pupil&rsquo;s own words</h2>
          <blockquote className="pupil-words pre-line">{c.pupilWords}</blockquote>
        </>
      )}

      <h2 className="heading-m">Warning signs</h2>
      {c.warningSigns.length === 0 ? (
        <p className="secondary-text">None ticked.</p>
      ) : (
        <ul className="list list--bullet">
          {c.warningSigns.map((w) => (
            <li key={w}>{WARNING_SIGNS[w]}</li>
          ))}
        </ul>
      )}

      {c.disclosure !== null && (
        <>
          <h2 className="heading-m">Disclosure</h2>
          <SummaryList
            rows={[
              { key: 'who', label: 'Pupil told it would be passed to', value: c.disclosure.toldWho },
              { key: 'what', label: 'What would be passed on', value: c.disclosure.toldWhat },
              { key: 'why', label: 'Why it must be passed on', value: c.disclosure.toldWhy },
              { key: 'consent', label: 'Did the pupil agree?', value: DISCLOSURE_CONSENT_LABELS[c.disclosure.consent] },
              ...(c.disclosure.consentNote !== null && c.disclosure.consentNote !== ''
                ? [
                    {
                      key: 'note',
                      label: c.disclosure.consent === 'refused' ? 'Why not' : 'Why consent was not asked for',
                      value: c.disclosure.consentNote,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </>
  );
}
