/** A referral's steps so far, and what the family might use while they wait for the service. */
import type { ReferralDetail } from '@tandem/core';
import { formatIsoDay } from '../components/dates';
import { Link } from '../router/router';
import { servicePage } from '../services/servicesApi';
import { statusLabel, WAITING_STATUSES, type Detail } from './referralsApi';

export function ReferralSteps({ steps }: { steps: ReferralDetail['steps'] }) {
  return (
    <section aria-labelledby="steps-title" className="referral-section">
      <h2 className="heading-l" id="steps-title">
        Steps so far
      </h2>
      {steps.length === 0 ? (
        <p className="empty-state">None yet. The first step is sending it.</p>
      ) : (
        <ol className="referral-steps">
          {steps.map((s, i) => (
            <li key={i} className="referral-steps__item">
              <p className="referral-steps__status">
                <strong>{statusLabel(s.status)}</strong>, <time dateTime={s.on}>{formatIsoDay(s.on)}</time>
              </p>
              <p className="secondary-text">Recorded by {s.recordedByName}</p>
              {s.note !== '' && <p className="pre-line">{s.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function WhileYouWait({ schoolId, data }: { schoolId: string; data: Detail }) {
  // Not the service the family is already waiting for.
  const services = data.whileYouWait.filter((s) => s.id !== data.referral.serviceId);
  if (!WAITING_STATUSES.includes(data.referral.status) || services.length === 0) return null;
  return (
    <section aria-labelledby="while-title" className="referral-section">
      <h2 className="heading-l" id="while-title">
        While you wait
      </h2>
      <p>Free support for {data.referral.pupilName}’s age from the directory, to suggest to the family meanwhile.</p>
      <ul className="referral-list">
        {services.map((s) => (
          <li key={s.id} className="referral-list__item">
            <p className="referral-list__name">
              <Link to={servicePage(schoolId, s.id)}>{s.name}</Link>
            </p>
            <p className="pre-line">{s.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
