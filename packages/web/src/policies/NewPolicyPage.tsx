/**
 * Add a policy to the register (SMHL, headteacher, DSL, school administrator): its kind and title,
 * its owner, who must read it, and its first version as approved.
 */
import {
  addPolicyBody,
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  policyKindTitle,
  policyListResponse,
  type PolicyKind,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form, SelectField, TextField } from '../components/Form';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { ReadersFields, VersionFields } from './PolicyFields';
import { createdResponse, mayManagePolicies, policiesApi, policiesPage, policyPage } from './policiesApi';
import {
  emptyVersion,
  READERS_FIELDS,
  VERSION_FIELDS,
  versionBody,
  versionProblems,
  type ReadersValues,
  type VersionValues,
} from './policyValues';
import './policies.css';

const FIELDS = ['kind', 'title', ...READERS_FIELDS, ...VERSION_FIELDS];

export function NewPolicyPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayManagePolicies(school);
  const { resource, reload } = useResource(allowed ? policiesApi(schoolId) : null, policyListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Add a policy',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: policiesPage(school.id), text: 'Back to the policy register' },
      onRetry: reload,
    });
  }
  return <NewPolicyForm schoolId={school.id} schoolName={school.name} staff={resource.data.staff} />;
}

function NewPolicyForm({
  schoolId,
  schoolName,
  staff,
}: {
  schoolId: string;
  schoolName: string;
  staff: readonly { id: string; name: string }[];
}) {
  const navigate = useNavigate();
  const form = useWorkForm(FIELDS);
  const [kind, setKind] = useState<PolicyKind | ''>('');
  const [title, setTitle] = useState('');
  const [readers, setReaders] = useState<ReadersValues>({ ownerUserId: '', readers: 'all_staff', readerRoles: [] });
  const [version, setVersion] = useState<VersionValues>(emptyVersion);

  const submit = async () => {
    const body = { kind, title, ...readers, ...versionBody(kind, version) };
    const data = form.check(addPolicyBody.safeParse(body), versionProblems(kind, version));
    if (data === null) return;
    await form.send(async () => {
      const made = await apiPost(policiesApi(schoolId), data, createdResponse);
      navigate(policyPage(schoolId, made.id), {
        flash: { kind: 'success', title: `${data.title} added to the register` },
      });
    });
  };

  return (
    <div className="narrow-wide policies">
      <BackLink to={policiesPage(schoolId)}>Back to the policy register</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={schoolName}>Add a policy</PageTitle>
      <p className="lead">
        Record the policy as it was last approved. Staff asked to read it will see it on their home page.
      </p>
      <Form onSubmit={submit} label="Add a policy">
        <SelectField
          name="kind"
          label="What kind of policy is it?"
          value={kind}
          onValueChange={(k) => {
            const next = k as PolicyKind | '';
            if (next !== '' && (title === '' || title === (kind === '' ? '' : policyKindTitle(kind)))) {
              setTitle(policyKindTitle(next));
            }
            setKind(next);
          }}
          options={[
            { value: '', label: 'Choose a kind' },
            ...POLICY_KINDS.map((k) => ({ value: k, label: POLICY_KIND_LABELS[k] })),
          ]}
          error={form.errorFor('kind')}
        />
        <TextField
          name="title"
          label="Title"
          hint="As the school calls it, for example “Mental health and wellbeing policy”."
          value={title}
          onValueChange={setTitle}
          error={form.errorFor('title')}
        />
        <ReadersFields
          staff={staff}
          values={readers}
          onChange={(patch) => {
            setReaders((r) => ({ ...r, ...patch }));
          }}
          errorFor={form.errorFor}
        />
        <h2 className="heading-m">The version in force</h2>
        <VersionFields
          schoolId={schoolId}
          kind={kind}
          values={version}
          onChange={(patch) => {
            setVersion((v) => ({ ...v, ...patch }));
          }}
          errorFor={form.errorFor}
        />
        <ButtonGroup>
          <Button type="submit" busy={form.busy} busyText="Saving…">
            Add the policy
          </Button>
          <Link to={policiesPage(schoolId)} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
