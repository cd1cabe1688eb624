/**
 * What a manager (SMHL, headteacher, DSL, school administrator) may do on a policy's page: record
 * a new version, or change its title, owner and who must read it. A change made meanwhile by
 * someone else is refused: the policy is loaded again and the manager is told to check it.
 */
import { addPolicyVersionBody, changePolicyBody, type PolicyDetail } from '@tandem/core';
import { useState } from 'react';
import { ApiError, apiPost, apiPut } from '../api/client';
import { Button, ErrorSummary, Form, SaveOrCancel, TextField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { myWorkChanged } from '../home/myWorkApi';
import { ReadersFields, VersionFields } from './PolicyFields';
import { changedResponse, policyApi, versionAddedResponse } from './policiesApi';
import {
  emptyVersion,
  READERS_FIELDS,
  readersFromPolicy,
  VERSION_FIELDS,
  versionBody,
  versionProblems,
  type ReadersValues,
  type VersionValues,
} from './policyValues';

type Open = 'version' | 'change' | null;

const STALE = 'Someone changed this policy while you were working. It has been loaded again: check it, then try again.';

export function PolicyManage({
  schoolId,
  detail,
  onDone,
  onStale,
}: {
  schoolId: string;
  detail: PolicyDetail;
  onDone: (title: string, text?: string) => void;
  onStale: () => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  return (
    <section aria-labelledby="manage-title" className="policies__manage">
      <h2 className="heading-m" id="manage-title">
        Keep this policy up to date
      </h2>
      {open === null && (
        <div className="button-group">
          <Button
            onClick={() => {
              setOpen('version');
            }}
          >
            Add a new version
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setOpen('change');
            }}
          >
            Change owner or readers
          </Button>
        </div>
      )}
      {open === 'version' && (
        <AddVersion
          schoolId={schoolId}
          detail={detail}
          onClose={() => {
            setOpen(null);
          }}
          onDone={onDone}
          onStale={onStale}
        />
      )}
      {open === 'change' && (
        <ChangePolicy
          detail={detail}
          schoolId={schoolId}
          onClose={() => {
            setOpen(null);
          }}
          onDone={onDone}
          onStale={onStale}
        />
      )}
    </section>
  );
}

interface FormProps {
  schoolId: string;
  detail: PolicyDetail;
  onClose: () => void;
  onDone: (title: string, text?: string) => void;
  onStale: () => void;
}

const staleAware = (onStale: () => void) => (e: ApiError) => {
  if (e.code !== 'conflict') return e;
  onStale();
  return new ApiError(e.code, e.status, STALE);
};

function AddVersion({ schoolId, detail, onClose, onDone, onStale }: FormProps) {
  const p = detail.policy;
  const form = useWorkForm(VERSION_FIELDS, staleAware(onStale));
  const [values, setValues] = useState<VersionValues>(emptyVersion);
  const submit = async () => {
    const data = form.check(
      addPolicyVersionBody.safeParse({ revision: p.revision, ...versionBody(p.kind, values) }),
      versionProblems(p.kind, values),
    );
    if (data === null) return;
    await form.send(async () => {
      const added = await apiPost(`${policyApi(schoolId, p.id)}/versions`, data, versionAddedResponse);
      myWorkChanged();
      onDone(
        `Version ${String(added.version)} recorded`,
        'It is now the version in force. Staff asked to read the policy are asked to read and confirm this version.',
      );
    });
  };
  return (
    <Form onSubmit={submit} label="Add a new version">
      <h3 className="heading-s">Add version {p.version + 1}</h3>
      <ErrorSummary errors={form.errors} />
      <VersionFields
        schoolId={schoolId}
        kind={p.kind}
        values={values}
        onChange={(patch) => {
          setValues((v) => ({ ...v, ...patch }));
        }}
        errorFor={form.errorFor}
      />
      <SaveOrCancel busy={form.busy} submitText="Record this version" onCancel={onClose} />
    </Form>
  );
}

function ChangePolicy({ schoolId, detail, onClose, onDone, onStale }: FormProps) {
  const p = detail.policy;
  const form = useWorkForm(['title', ...READERS_FIELDS], staleAware(onStale));
  const [title, setTitle] = useState(p.title);
  const [values, setValues] = useState<ReadersValues>(() => readersFromPolicy(p));
  const submit = async () => {
    const data = form.check(changePolicyBody.safeParse({ revision: p.revision, title, ...values }));
    if (data === null) return;
    await form.send(async () => {
      await apiPut(policyApi(schoolId, p.id), data, changedResponse);
      myWorkChanged();
      onDone('Policy changed');
    });
  };
  return (
    <Form onSubmit={submit} label="Change owner or readers">
      <h3 className="heading-s">Change the title, owner or readers</h3>
      <ErrorSummary errors={form.errors} />
      <TextField name="title" label="Title" value={title} onValueChange={setTitle} error={form.errorFor('title')} />
      <ReadersFields
        staff={detail.staff}
        values={values}
        onChange={(patch) => {
          setValues((v) => ({ ...v, ...patch }));
        }}
        errorFor={form.errorFor}
      />
      <SaveOrCancel busy={form.busy} submitText="Save changes" onCancel={onClose} />
    </Form>
  );
}
