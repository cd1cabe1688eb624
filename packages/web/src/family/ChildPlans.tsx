/** The parent parts of the child's agreed plans, each with "I have read this". */
import { PARENT_WORDS as W, type ParentPlanPart } from '@tandem/core';
import { ConfirmRead } from './ConfirmRead';
import { FamilySection } from './FamilySection';
import { dayOf } from './familyFormat';

export function ChildPlans({
  schoolId,
  pupilId,
  plans,
}: {
  schoolId: string;
  pupilId: string;
  plans: ParentPlanPart[];
}) {
  if (plans.length === 0) return null;
  return (
    <FamilySection title={W.plansHeading}>
      <ul className="family-items">
        {plans.map((plan) => (
          <li className="family-item" key={plan.id}>
            <h3 className="family-item__title">{plan.kindLabel}</h3>
            <p className="family-item__meta">
              {W.planAgreed(dayOf(plan.agreedOn))} {W.planReview(dayOf(plan.reviewDue))}
            </p>
            {plan.sections.map((s, i) => (
              <div key={i}>
                <h4 className="heading-s">{s.label}</h4>
                <p className="pre-line">{s.text}</p>
              </div>
            ))}
            {plan.contacts.length > 0 && (
              <>
                <h4 className="heading-s">{W.planContacts}</h4>
                <ul className="list list--plain">
                  {plan.contacts.map((c, i) => (
                    <li key={i}>
                      {c.name} ({c.relationship}): <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <ConfirmRead
              schoolId={schoolId}
              pupilId={pupilId}
              item="plan"
              itemId={plan.id}
              version={plan.version}
              readAt={plan.readAt}
              what={plan.kindLabel}
            />
          </li>
        ))}
      </ul>
    </FamilySection>
  );
}
