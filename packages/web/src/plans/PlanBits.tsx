/**
 * Parts the plan pages share: the status and review marks, a plan's content as written, the staff
 * summary of a plan (most important first), the "I have read this" confirmation and the PDF
 * button.
 */
import {
  ADJUSTMENT_LABELS,
  ADJUSTMENTS,
  KIND_HAS_ADJUSTMENTS,
  KIND_HAS_CONTACTS,
  KIND_SECTIONS,
  PLAN_STATUS_LABELS,
  SAFETY_SCALE_MAX,
  SECTION_INFO,
  type PlanKind,
  type PlanSection,
  type PlanStatus,
} from '@tandem/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { apiGetFile, apiPost, withQuery } from '../api/client';
import { formatDate, formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { Button } from '../components/Form';
import { Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { okResponse, planApi, type PlanContentOut } from './plansApi';
import './plans.css';
import { myWorkChanged } from '../home/myWorkApi';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const tone = status === 'agreed' ? 'green' : status === 'ended' ? 'grey' : 'blue';
  return <Tag tone={tone}>{PLAN_STATUS_LABELS[status]}</Tag>;
}

/** "22 Nov 2026 Overdue": the word says it, the colour only repeats it. */
export function ReviewDue({ on, overdue }: { on: string; overdue: boolean }) {
  return (
    <>
      <time dateTime={on}>{formatIsoDay(on)}</time>
      {overdue && (
        <>
          {' '}
          <Tag tone="yellow">Overdue</Tag>
        </>
      )}
    </>
  );
}

type HeadingLevel = 2 | 3 | 4;

function H({ level, className, children }: { level: HeadingLevel; className?: string; children: ReactNode }) {
  const El = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return <El className={className}>{children}</El>;
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function ContactList({ contacts }: { contacts: PlanContentOut['contacts'] }) {
  if (contacts.length === 0) return <p className="secondary-text">No contacts listed.</p>;
  return (
    <ul className="list list--plain plan-contacts">
      {contacts.map((c, i) => (
        <li key={`${c.name}-${String(i)}`} className="plan-contacts__item">
          <strong>{c.name}</strong>
          {c.relationship !== '' && <span className="secondary-text">, {c.relationship}</span>}
          <span className="block">
            <a href={telHref(c.phone)}>{c.phone}</a>
          </span>
        </li>
      ))}
    </ul>
  );
}

function AdjustmentList({ adjustments }: { adjustments: PlanContentOut['adjustments'] }) {
  const inPlace = ADJUSTMENTS.filter((a) => adjustments[a] !== undefined);
  if (inPlace.length === 0) return <p className="secondary-text">None.</p>;
  return (
    <ul className="list list--bullet">
      {inPlace.map((a) => {
        const text = adjustments[a] ?? '';
        return (
          <li key={a}>
            <strong>{ADJUSTMENT_LABELS[a]}</strong>
            {text.trim() !== '' && (
              <>
                : <span className="pre-line">{text}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A plan's content as written, in the kind's own order (the case team's view). */
export function PlanContentView({
  kind,
  content,
  headingLevel = 3,
}: {
  kind: PlanKind;
  content: PlanContentOut;
  headingLevel?: HeadingLevel;
}) {
  return (
    <div className="plan-content">
      {KIND_SECTIONS[kind].map((key) => {
        const text = content.sections[key] ?? '';
        return (
          <div key={key} className="plan-content__section">
            <H level={headingLevel} className="heading-s plan-content__title">
              {SECTION_INFO[key].label}
            </H>
            {text.trim() === '' ? <p className="secondary-text">Not written.</p> : <p className="pre-line">{text}</p>}
          </div>
        );
      })}
      {KIND_HAS_ADJUSTMENTS[kind] && (
        <div className="plan-content__section">
          <H level={headingLevel} className="heading-s plan-content__title">
            Reasonable adjustments
          </H>
          <AdjustmentList adjustments={content.adjustments} />
        </div>
      )}
      {KIND_HAS_CONTACTS[kind] && (
        <div className="plan-content__section">
          <H level={headingLevel} className="heading-s plan-content__title">
            Emergency contacts
          </H>
          <ContactList contacts={content.contacts} />
        </div>
      )}
      {kind === 'signs_of_safety' && (
        <div className="plan-content__section">
          <H level={headingLevel} className="heading-s plan-content__title">
            Safety scale
          </H>
          <p>
            {content.safetyScale === null ? (
              <span className="secondary-text">Not rated.</span>
            ) : (
              <>
                <strong>{content.safetyScale}</strong> out of {SAFETY_SCALE_MAX}
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}

/**
 * What staff given a plan read: what they must do and what to do in an emergency first, then how
 * to notice things getting worse, then the rest. Only sections written are shown.
 */
const STAFF_ORDER: readonly PlanSection[] = [
  'staffMust',
  'emergency',
  'warningSigns',
  'triggers',
  'requirements',
  'medication',
  'risks',
  'condition',
  'schoolProvides',
];

export function StaffPlanContent({
  kind,
  content,
  headingLevel = 3,
}: {
  kind: PlanKind;
  content: PlanContentOut;
  headingLevel?: HeadingLevel;
}) {
  const own = new Set<PlanSection>(KIND_SECTIONS[kind]);
  const written = STAFF_ORDER.filter((k) => own.has(k) && (content.sections[k] ?? '').trim() !== '');
  const hasAdjustments = ADJUSTMENTS.some((a) => content.adjustments[a] !== undefined);
  const contactsShown = written.includes('emergency');
  return (
    <div className="plan-content plan-content--staff">
      {written.map((key) => {
        const emergency = key === 'emergency';
        return (
          <div key={key} className={emergency ? 'plan-emergency' : 'plan-content__section'}>
            <H level={headingLevel} className="heading-s plan-content__title">
              {SECTION_INFO[key].label}
            </H>
            <p className="pre-line">{content.sections[key]}</p>
            {emergency && content.contacts.length > 0 && (
              <>
                <p className="plan-emergency__label">Whom to call</p>
                <ContactList contacts={content.contacts} />
              </>
            )}
            {emergency && (
              <p className="plan-emergency__call">
                If the pupil is in danger or needs urgent medical help, call <a href="tel:999">999</a>.
              </p>
            )}
          </div>
        );
      })}
      {!contactsShown && content.contacts.length > 0 && (
        <div className="plan-content__section">
          <H level={headingLevel} className="heading-s plan-content__title">
            Emergency contacts
          </H>
          <ContactList contacts={content.contacts} />
        </div>
      )}
      {hasAdjustments && (
        <div className="plan-content__section">
          <H level={headingLevel} className="heading-s plan-content__title">
            Reasonable adjustments
          </H>
          <AdjustmentList adjustments={content.adjustments} />
        </div>
      )}
      {written.length === 0 && !hasAdjustments && content.contacts.length === 0 && (
        <p className="secondary-text">There is nothing in this plan for staff to do yet.</p>
      )}
    </div>
  );
}

/**
 * "I have read this": a member of staff confirms reading the version in front of them. Once
 * confirmed, the button is replaced by the words saying so, and focus moves to them.
 */
export function ReadConfirmation({
  schoolId,
  planId,
  version,
  confirmedAt,
  what,
}: {
  schoolId: string;
  planId: string;
  version: number;
  confirmedAt: string | null;
  /** For the button's accessible name, e.g. "Crisis plan". */
  what: string;
}) {
  const [confirmed, setConfirmed] = useState<string | null>(confirmedAt);
  const [justConfirmed, setJustConfirmed] = useState(false);
  const action = useAction();
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (justConfirmed) doneRef.current?.focus();
  }, [justConfirmed]);

  const confirm = () =>
    action.run(async () => {
      await apiPost(`${planApi(schoolId, planId)}/read`, { version }, okResponse);
      setConfirmed(new Date().toISOString());
      setJustConfirmed(true);
      myWorkChanged();
    });

  if (confirmed !== null) {
    return (
      <p className="plan-read plan-read--done" tabIndex={-1} ref={doneRef} role={justConfirmed ? 'status' : undefined}>
        <span className="plan-read__tick" aria-hidden="true" />
        <span>
          You confirmed reading version {version} on <time dateTime={confirmed}>{formatDate(confirmed)}</time>.
        </span>
      </p>
    );
  }
  return (
    <div className="plan-read">
      <p className="hint">When you have read all of it, confirm below. The plan&rsquo;s lead can see who has.</p>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <Button
        variant="secondary"
        busy={action.busy}
        busyText="Saving…"
        onClick={() => {
          void confirm();
        }}
      >
        I have read this
        <span className="visually-hidden">
          : {what}, version {version}
        </span>
      </Button>
    </div>
  );
}

/** The plan as a PDF to print or save (the current version unless one is given). */
export function PlanPdfButton({
  schoolId,
  planId,
  version,
  what,
}: {
  schoolId: string;
  planId: string;
  version?: number;
  what: string;
}) {
  return (
    <DownloadButton
      busyText="Preparing the PDF…"
      getFile={() => apiGetFile(withQuery(`${planApi(schoolId, planId)}/plan.pdf`, { version }), 'plan.pdf')}
    >
      Print or save as PDF<span className="visually-hidden">: {what}</span>
    </DownloadButton>
  );
}
