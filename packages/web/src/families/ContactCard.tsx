/**
 * One parent or carer of one child on the "Parents and carers" page: who they are, whose parent,
 * whether they can see the child in Tandem (in words, with a tag), when they last visited, and what
 * can be done: invite (or send the invitation again), stop access, give access back.
 */
import {
  liftNoAccessSchema,
  NO_ACCESS_REASON_LABELS,
  NO_ACCESS_REASONS,
  noAccessSchema,
  PARENT_ACCOUNT_STATE_LABELS,
  type FamilyContactRow,
} from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDate, formatDateTime, formatRelative } from '../components/dates';
import { Button, ErrorSummary, Form, Radios, SaveOrCancel, TextareaField } from '../components/Form';
import { Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { useWorkForm } from '../components/useWorkForm';
import { contactApi, invitedResponse, okResponse, parentStateTone, yearForm } from './familiesApi';

type ActionKey = 'stop' | 'lift';

export function ContactCard({
  schoolId,
  row,
  canRestrict,
  open,
  onOpen,
  onDone,
}: {
  schoolId: string;
  row: FamilyContactRow;
  canRestrict: boolean;
  open: string | null;
  onOpen: (action: ActionKey | null) => void;
  onDone: (row: FamilyContactRow, title: string, text?: string) => void;
}) {
  const inviting = useAction();
  const id = `contact-${row.contactId}-${row.pupilId}`;
  const panelId = `${id}-panel`;
  const lastOpen = useRef<string | null>(null);
  useEffect(() => {
    if (open !== null) {
      document.getElementById(panelId)?.querySelector<HTMLElement>('input:not([disabled]), textarea')?.focus();
    } else if (lastOpen.current !== null && document.activeElement === document.body) {
      document.getElementById(`${id}-${lastOpen.current}`)?.focus();
    }
    lastOpen.current = open;
  }, [open, panelId, id]);

  const invite = async () => {
    await inviting.run(async () => {
      const answer = await apiPost(`${contactApi(schoolId, row.contactId)}/invite`, {}, invitedResponse);
      onDone(
        { ...row, state: answer.state, invitedAt: answer.invitedAt },
        row.state === 'invited' ? `Invitation sent again to ${row.name}` : `${row.name} is invited`,
        row.email === null
          ? undefined
          : `We have e-mailed ${row.email} a link to set a password. The link works for a limited time.`,
      );
    });
  };

  const canInvite = row.state === 'not_invited' || row.state === 'invited';
  const toggles: { key: ActionKey; label: string }[] = [];
  if (canRestrict && row.state !== 'no_access') toggles.push({ key: 'stop', label: 'Stop access' });
  if (canRestrict && row.state === 'no_access') toggles.push({ key: 'lift', label: 'Give access back' });
  const about = `for ${row.name}, ${row.relationship.toLowerCase()} of ${row.pupilName}`;

  return (
    <li className="family-card">
      <h3 className="heading-s family-card__name" tabIndex={-1}>
        {row.name}
      </h3>
      <p className="family-card__child">
        {row.relationship === '' ? 'Contact' : row.relationship} of <strong>{row.pupilName}</strong>
        <span className="secondary-text"> ({yearForm(row)})</span>
      </p>
      <p className="family-card__state">
        <Tag tone={parentStateTone(row.state)}>{PARENT_ACCOUNT_STATE_LABELS[row.state]}</Tag> <StateWords row={row} />
      </p>
      {row.email !== null && <p className="family-card__email secondary-text">{row.email}</p>}
      {inviting.problem !== null && (
        <p className="error-text" role="alert">
          {inviting.problem}
        </p>
      )}
      {(canInvite || toggles.length > 0) && (
        <div className="family-card__actions">
          {canInvite && (
            <Button
              variant="secondary"
              className="button--small"
              busy={inviting.busy}
              busyText="Sending…"
              onClick={() => {
                void invite();
              }}
            >
              {row.state === 'invited' ? 'Send again' : 'Invite'}
              <span className="visually-hidden"> {about}</span>
            </Button>
          )}
          {toggles.map((t) => (
            <button
              key={t.key}
              id={`${id}-${t.key}`}
              type="button"
              className="button button--secondary button--small"
              aria-expanded={open === t.key}
              aria-controls={panelId}
              onClick={() => {
                onOpen(open === t.key ? null : t.key);
              }}
            >
              {t.label}
              <span className="visually-hidden"> {about}</span>
            </button>
          ))}
        </div>
      )}
      <div id={panelId} className="work__panel family-card__panel" hidden={open === null}>
        {open === 'stop' && (
          <StopAccessForm
            schoolId={schoolId}
            row={row}
            onCancel={() => {
              onOpen(null);
            }}
            onDone={onDone}
          />
        )}
        {open === 'lift' && (
          <GiveAccessBackForm
            schoolId={schoolId}
            row={row}
            onCancel={() => {
              onOpen(null);
            }}
            onDone={onDone}
          />
        )}
      </div>
    </li>
  );
}

/** The state in a few words: when invited, last seen, why not, since when stopped. */
function StateWords({ row }: { row: FamilyContactRow }) {
  const seen =
    row.lastSeenAt === null ? null : (
      <>
        Last seen <time dateTime={row.lastSeenAt}>{formatRelative(row.lastSeenAt)}</time>.
      </>
    );
  switch (row.state) {
    case 'not_invitable':
      return <span>{row.notInvitableReason ?? 'There is no e-mail address or parental responsibility.'}</span>;
    case 'not_invited':
      return <span>Not yet asked to join.</span>;
    case 'invited':
      return (
        <span>
          {row.invitedAt !== null && (
            <>
              Invited <time dateTime={row.invitedAt}>{formatDate(row.invitedAt)}</time>, not signed up yet.
            </>
          )}
        </span>
      );
    case 'signed_up':
      return <span>{seen ?? 'Has not visited yet.'}</span>;
    case 'no_access':
      return (
        <span className="family-card__no-access">
          {row.noAccess !== null && (
            <>
              {NO_ACCESS_REASON_LABELS[row.noAccess.reasonKind]}. Set by {row.noAccess.setByName},{' '}
              <time dateTime={row.noAccess.setAt}>{formatDateTime(row.noAccess.setAt)}</time>.
              <span className="block pre-line">Why: {row.noAccess.reason}</span>
            </>
          )}
        </span>
      );
  }
}

const STOP_FIELDS = ['reasonKind', 'reason'] as const;

function StopAccessForm({
  schoolId,
  row,
  onCancel,
  onDone,
}: {
  schoolId: string;
  row: FamilyContactRow;
  onCancel: () => void;
  onDone: (row: FamilyContactRow, title: string, text?: string) => void;
}) {
  const [reasonKind, setReasonKind] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const form = useWorkForm(STOP_FIELDS);
  const parsed = () => noAccessSchema.safeParse({ reasonKind: reasonKind === '' ? undefined : reasonKind, reason });

  const ask = () => {
    if (form.check(parsed()) !== null) {
      form.clear();
      setConfirming(true);
    }
  };

  const send = async () => {
    const data = form.check(parsed());
    if (data === null) {
      setConfirming(false);
      return;
    }
    await form.send(
      async () => {
        await apiPost(`${contactApi(schoolId, row.contactId)}/no-access`, data, okResponse);
        setConfirming(false);
        onDone(
          {
            ...row,
            state: 'no_access',
            noAccess: {
              reasonKind: data.reasonKind,
              reason: data.reason,
              setAt: new Date().toISOString(),
              setByName: 'you',
            },
          },
          `${row.name} can no longer see ${row.pupilName} in Tandem`,
          'This is recorded in the audit trail.',
        );
      },
      () => {
        setConfirming(false);
      },
    );
  };

  return (
    <Form onSubmit={ask} label={`Stop ${row.name} seeing ${row.pupilName}`}>
      <ErrorSummary errors={form.errors} />
      <p>
        {row.name} will no longer see anything about {row.pupilName} in Tandem. If they try, Tandem says the page does
        not exist, as for any child who is not theirs. They are not told why.
      </p>
      <Radios
        name="reasonKind"
        legend="Why must they not see the child?"
        options={NO_ACCESS_REASONS.map((r) => ({ value: r, label: NO_ACCESS_REASON_LABELS[r] }))}
        value={reasonKind}
        onValueChange={setReasonKind}
        error={form.errorFor('reasonKind')}
      />
      <TextareaField
        name="reason"
        label="Say why"
        hint="For example, the court order’s date and what it says, or what the school decided and who decided it. Only staff who manage the portal see this."
        rows={4}
        maxChars={2000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Stop access" onCancel={onCancel} />
      <ConfirmDialog
        open={confirming}
        title={`Stop ${row.name} seeing ${row.pupilName}?`}
        confirmText="Stop access"
        busy={form.busy}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          void send();
        }}
      >
        <p>
          From now on, {row.name} will not see {row.pupilName} in Tandem, and will not get e-mails about them. You can
          give access back later, with a reason. Both are recorded in the audit trail.
        </p>
      </ConfirmDialog>
    </Form>
  );
}

const LIFT_FIELDS = ['reason'] as const;

function GiveAccessBackForm({
  schoolId,
  row,
  onCancel,
  onDone,
}: {
  schoolId: string;
  row: FamilyContactRow;
  onCancel: () => void;
  onDone: (row: FamilyContactRow, title: string, text?: string) => void;
}) {
  const [reason, setReason] = useState('');
  const form = useWorkForm(LIFT_FIELDS);
  const submit = async () => {
    const data = form.check(liftNoAccessSchema.safeParse({ reason }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${contactApi(schoolId, row.contactId)}/no-access/lift`, data, okResponse);
      // What the state becomes is the server's to say; until the list comes again, the likeliest.
      const state = row.lastSeenAt !== null ? 'signed_up' : row.invitedAt !== null ? 'invited' : 'not_invited';
      onDone(
        { ...row, state, noAccess: null },
        `${row.name} can see ${row.pupilName} in Tandem again`,
        'This is recorded in the audit trail.',
      );
    });
  };
  return (
    <Form onSubmit={submit} label={`Give ${row.name} access back`}>
      <ErrorSummary errors={form.errors} />
      <p>
        {row.name} will again see what the school shares about {row.pupilName}, if they have signed up.
      </p>
      <TextareaField
        name="reason"
        label="Why is access given back?"
        hint="For example, the court order has ended. This is recorded."
        rows={3}
        maxChars={2000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Give access back" onCancel={onCancel} />
    </Form>
  );
}
