import { createSchoolBody, schoolSchema } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { trustCan, useTrust } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form, TextareaField, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { BackLink, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { DFE_NUMBER_HINT, trustSchoolsPath } from './schoolsApi';

const FIELDS = ['name', 'urn', 'dfeNumber', 'letterhead'] as const;

export function AddSchoolPage({ trustId }: { trustId: string }) {
  const trust = useTrust(trustId);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [urn, setUrn] = useState('');
  const [dfeNumber, setDfeNumber] = useState('');
  const [letterhead, setLetterhead] = useState('');
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  if (trust === undefined || !trustCan(trust, 'trust.manageSchools')) return <NotFoundPage />;
  const listPath = `/trusts/${encodeURIComponent(trust.id)}/schools`;

  const submit = async () => {
    const parsed = createSchoolBody.safeParse({ name, urn, dfeNumber, letterhead });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        const school = await apiPost(trustSchoolsPath(trust.id), parsed.data, schoolSchema);
        navigate(listPath, { flash: { kind: 'success', title: `${school.name} has been added.` } });
      },
      { stayBusy: true },
    );
  };

  return (
    <div className="narrow">
      <BackLink to={listPath}>Back to schools</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={trust.name}>Add a school</PageTitle>
      <Form onSubmit={submit}>
        <TextField
          name="name"
          label="School name"
          autoComplete="organization"
          value={name}
          onValueChange={setName}
          error={form.errorFor('name')}
        />
        <TextField
          name="urn"
          label="URN (optional)"
          hint="The 6-digit unique reference number from Get Information about Schools."
          inputMode="numeric"
          width="number"
          spellCheck={false}
          value={urn}
          onValueChange={setUrn}
          error={form.errorFor('urn')}
        />
        <TextField
          name="dfeNumber"
          label="DfE number (optional)"
          hint={DFE_NUMBER_HINT}
          width="number"
          spellCheck={false}
          value={dfeNumber}
          onValueChange={setDfeNumber}
          error={form.errorFor('dfeNumber')}
        />
        <TextareaField
          name="letterhead"
          label="Letterhead (optional)"
          hint="The school's name and address as it should appear at the top of letters to parents and carers. The school can change this later."
          rows={4}
          maxChars={1000}
          value={letterhead}
          onValueChange={setLetterhead}
          error={form.errorFor('letterhead')}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Adding…">
            Add school
          </Button>
          <Link to={listPath} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
