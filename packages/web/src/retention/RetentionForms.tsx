/**
 * The retention page's forms: keep a kind of record longer (inline), destroy a pupil's records of a
 * kind (a dialog: the pupil's name typed again and a reason; a child-protection file is proposed for
 * a second person), and confirm a proposed destruction (a dialog, by a second, different person).
 */
import {
  confirmDestructionBody,
  destroyRecordsBody,
  destructionResult,
  dayWords,
  RECORD_CLASS_LABELS,
  setRetentionBody,
  type DueRecordsRow,
  type ProposalView,
  type RetentionRuleView,
} from '@tandem/core';
import { useState } from 'react';
import { z } from 'zod';
import { apiPost, apiPut } from '../api/client';
import { Button, ButtonGroup, Form, SaveOrCancel, ErrorSummary, TextField, TextareaField } from '../components/Form';
import { WarningText } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { countsWords, destructionApi, registerApi, ruleApi } from './retentionApi';
import { RetentionDialog } from './RetentionDialog';

const okResponse = z.object({ ok: z.literal(true) });

export function LengthenForm({
  schoolId,
  rule,
  onCancel,
  onDone,
}: {
  schoolId: string;
  rule: RetentionRuleView;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const form = useWorkForm(['years', 'reason']);
  const [years, setYears] = useState(String(rule.years));
  const [reason, setReason] = useState('');
  const submit = async () => {
    const n = Number(years);
    const extra =
      years.trim() !== '' && Number.isInteger(n) && n < rule.defaultYears
        ? [
            {
              path: 'years',
              message: `Enter ${String(rule.defaultYears)} years or more: a school may keep records longer than the toolkit says, never shorter.`,
            },
          ]
        : [];
    const data = form.check(setRetentionBody.safeParse({ years: years.trim() === '' ? NaN : n, reason }), extra);
    if (data === null) return;
    await form.send(async () => {
      await apiPut(ruleApi(schoolId, rule.recordClass), data, okResponse);
      onDone(`${rule.label}: now kept for ${String(data.years)} years from the date of birth`);
    });
  };
  return (
    <Form onSubmit={submit} label={`Keep ${rule.label.toLowerCase()} longer`}>
      <h3 className="heading-s">Keep {rule.label.toLowerCase()} longer</h3>
      <ErrorSummary errors={form.errors} />
      <TextField
        name="years"
        label="Years from the date of birth"
        hint={`At least ${String(rule.defaultYears)}, the period the ${rule.source} sets.`}
        inputMode="numeric"
        width="number"
        value={years}
        onValueChange={setYears}
        error={form.errorFor('years')}
      />
      <TextareaField
        name="reason"
        label="Why the school keeps them longer"
        hint="For example, a public inquiry has asked schools to keep these records."
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Save the period" onCancel={onCancel} />
    </Form>
  );
}

export function DestroyDialog({
  schoolId,
  row,
  onCancel,
  onDone,
}: {
  schoolId: string;
  row: DueRecordsRow;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const form = useWorkForm(['reason', 'typedName']);
  const [reason, setReason] = useState('');
  const [typedName, setTypedName] = useState('');
  const cp = row.recordClass === 'child-protection';
  const what = `${row.name}’s ${RECORD_CLASS_LABELS[row.recordClass].toLowerCase()}`;
  const submit = async () => {
    const data = form.check(
      destroyRecordsBody.safeParse({ pupilId: row.pupilId, recordClass: row.recordClass, reason, typedName }),
    );
    if (data === null) return;
    await form.send(async () => {
      const res = await apiPost(registerApi(schoolId), data, destructionResult);
      onDone(
        res.status === 'proposed'
          ? `Proposed: a second person must now confirm the destruction of ${what}`
          : `Destroyed ${what}: ${countsWords(res.counts)}`,
      );
    });
  };
  return (
    <RetentionDialog
      title={cp ? 'Propose destroying a child-protection file' : 'Destroy these records'}
      busy={form.busy}
      onCancel={onCancel}
    >
      <Form onSubmit={submit} label={cp ? 'Propose the destruction' : 'Confirm the destruction'}>
        <p>
          {what}: {countsWords(row.counts)}. Review date {dayWords(row.reviewOn)}.
        </p>
        <WarningText>
          {cp
            ? 'A child-protection file needs two people: once you propose it, a second, different person confirms it. Only then is it destroyed, and it cannot be brought back.'
            : 'Destroyed records cannot be brought back. The register keeps only what kind, whose, when, by whom and why.'}
        </WarningText>
        <ErrorSummary errors={form.errors} />
        <TextareaField
          name="reason"
          label="Why these records are destroyed"
          hint={`For example, the retention period has ended and the review found no reason to keep them. ${cp ? 'The second person and the register see this: say why it may go, never what the file holds.' : 'The register keeps this: never write what the records hold.'}`}
          rows={3}
          value={reason}
          onValueChange={setReason}
          error={form.errorFor('reason')}
        />
        <TextField
          name="typedName"
          label={`Type the pupil’s name to confirm: ${row.name}`}
          autoComplete="off"
          value={typedName}
          onValueChange={setTypedName}
          error={form.errorFor('typedName')}
        />
        <DialogButtons
          busy={form.busy}
          submitText={cp ? 'Propose the destruction' : 'Destroy the records'}
          busyText={cp ? 'Proposing…' : 'Destroying…'}
          onCancel={onCancel}
        />
      </Form>
    </RetentionDialog>
  );
}

export function ConfirmProposalDialog({
  schoolId,
  proposal,
  onCancel,
  onDone,
}: {
  schoolId: string;
  proposal: ProposalView;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const form = useWorkForm(['typedName']);
  const [typedName, setTypedName] = useState('');
  const submit = async () => {
    const data = form.check(confirmDestructionBody.safeParse({ typedName }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${destructionApi(schoolId, proposal.id)}/confirm`, data, destructionResult);
      onDone(`Destroyed ${proposal.name}’s child-protection file`);
    });
  };
  return (
    <RetentionDialog title="Confirm destroying a child-protection file" busy={form.busy} onCancel={onCancel}>
      <Form onSubmit={submit} label="Confirm the destruction">
        <p>
          {proposal.proposedBy.name} proposed destroying {proposal.name}’s child-protection file (born{' '}
          {dayWords(proposal.dateOfBirth)}; review date {dayWords(proposal.reviewOn)}) because: {proposal.reason}
        </p>
        <WarningText>
          You are the second person. Once you confirm, the file is destroyed and cannot be brought back.
        </WarningText>
        <ErrorSummary errors={form.errors} />
        <TextField
          name="typedName"
          label={`Type the pupil’s name to confirm: ${proposal.name}`}
          autoComplete="off"
          value={typedName}
          onValueChange={setTypedName}
          error={form.errorFor('typedName')}
        />
        <DialogButtons busy={form.busy} submitText="Destroy the file" busyText="Destroying…" onCancel={onCancel} />
      </Form>
    </RetentionDialog>
  );
}

/** A destruction cannot be undone: the submit is a warning button, as in the app's other confirmations. */
function DialogButtons({
  busy,
  submitText,
  busyText,
  onCancel,
}: {
  busy: boolean;
  submitText: string;
  busyText: string;
  onCancel: () => void;
}) {
  return (
    <ButtonGroup>
      <Button type="submit" variant="warning" busy={busy} busyText={busyText}>
        {submitText}
      </Button>
      <Button variant="secondary" disabled={busy} onClick={onCancel}>
        Cancel
      </Button>
    </ButtonGroup>
  );
}
