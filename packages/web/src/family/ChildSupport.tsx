/** Support in school (places and waiting lists) and help from outside school (referrals). */
import { PARENT_WORDS as W, type ParentInterventionPart, type ParentReferralPart } from '@tandem/core';
import { Tag } from '../components/Page';
import { FamilySection } from './FamilySection';
import { dayOf } from './familyFormat';

export function ChildInterventions({ interventions }: { interventions: ParentInterventionPart[] }) {
  if (interventions.length === 0) return null;
  return (
    <FamilySection title={W.supportHeading}>
      <ul className="family-items">
        {interventions.map((x, i) => (
          <li className="family-item" key={i}>
            <h3 className="family-item__title">{x.name}</h3>
            <p className="family-item__meta">
              <Tag tone={x.state === 'in' ? 'green' : 'blue'}>{x.state === 'in' ? W.supportIn : W.supportWaiting}</Tag>
            </p>
            {x.description !== '' && <p>{x.description}</p>}
            {x.dayLabel !== '' && <p>{W.supportDay(x.dayLabel)}</p>}
            {x.state === 'in' && x.startedOn !== null && <p>{W.supportStarted(dayOf(x.startedOn))}</p>}
            {x.state === 'waiting' && (
              <>
                {x.position !== null && <p>{W.supportPlace(x.position)}</p>}
                <p>{x.expectedStart !== null ? W.supportExpected(dayOf(x.expectedStart)) : W.supportExpectedUnknown}</p>
              </>
            )}
          </li>
        ))}
      </ul>
    </FamilySection>
  );
}

export function ChildReferrals({ referrals }: { referrals: ParentReferralPart[] }) {
  if (referrals.length === 0) return null;
  return (
    <FamilySection title={W.referralsHeading}>
      <p>{W.referralsIntro}</p>
      <ul className="family-items">
        {referrals.map((r) => (
          <li className="family-item" key={r.id}>
            <h3 className="family-item__title">{r.serviceLabel}</h3>
            <p>
              <strong>{W.referralNow(r.stateLabel)}</strong>
            </p>
            <p>
              {r.sentOn !== null && W.referralSent(dayOf(r.sentOn))}{' '}
              {r.waitedDays !== null && W.referralWaited(r.waitedDays)}{' '}
              {r.firstAppointmentOn !== null && W.referralFirst(dayOf(r.firstAppointmentOn))}
            </p>
            {r.whileYouWait.length > 0 && (
              <>
                <h4 className="heading-s">{W.whileYouWaitHeading}</h4>
                <p>{W.whileYouWaitIntro}</p>
                <ul className="list list--bullet">
                  {r.whileYouWait.map((s, i) => (
                    <li key={i}>
                      {s.url !== null ? (
                        <a href={s.url} rel="noopener noreferrer" target="_blank">
                          {s.name}
                        </a>
                      ) : (
                        <strong>{s.name}</strong>
                      )}
                      {s.how !== '' && `: ${s.how}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </FamilySection>
  );
}
