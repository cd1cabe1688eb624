/**
 * Whose cases each of a member of staff's case roles reaches (need-to-know by caseload), on their
 * staff page: the head or the school's administrator set a pastoral lead's year groups, and may
 * widen a SENDCO's, Early Help lead's or pastoral lead's scope to the whole school with a reason.
 */
import {
  CASE_SCOPE_LABELS,
  ROLE_LABELS,
  roleScopesResponse,
  setRoleScopeBody,
  yearGroupLabel,
  type RoleScope,
} from '@tandem/core';
import { useState } from 'react';
import { apiPut, enc } from '../api/client';
import { useResource } from '../api/useResource';
import { formatDate } from '../components/dates';
import { Button, Checkboxes, ErrorSummary, Form, Radios, TextareaField } from '../components/Form';
import { Loading, NotificationBanner } from '../components/Page';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { LoadError } from '../errors/ErrorPages';

const scopesApi = (schoolId: string, userId: string) => `/api/schools/${enc(schoolId)}/staff/${enc(userId)}/scopes`;
const YEARS = Array.from({ length: 14 }, (_, i) => i).map((y) => ({ value: String(y), label: yearGroupLabel(y) }));

/** The scope in a sentence: "Years 9, 10 and 11, and their caseload". */
function describeScope(s: RoleScope): string {
  if (s.kind === 'school') return CASE_SCOPE_LABELS.school;
  const parts: string[] = [];
  if (s.kind === 'year_groups') {
    parts.push(s.yearGroups.length === 0 ? 'No year groups yet' : s.yearGroups.map(yearGroupLabel).join(', '));
  }
  if (s.sendRegister) parts.push('the SEND register');
  parts.push('their caseload');
  return parts.join(', ');
}

export function RoleScopes({
  schoolId,
  userId,
  displayName,
}: {
  schoolId: string;
  userId: string;
  displayName: string;
}) {
  const { resource, reload, setData } = useResource(scopesApi(schoolId, userId), roleScopesResponse);
  if (resource.status === 'loading') return <Loading what="Loading whose cases they see" />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  if (resource.data.scopes.length === 0) return null;
  return (
    <section className="section" aria-labelledby="scopes-title">
      <h2 className="heading-l" id="scopes-title">
        Whose cases they see
      </h2>
      {resource.data.scopes.map((s) => (
        <ScopeOf
          key={s.role}
          schoolId={schoolId}
          userId={userId}
          displayName={displayName}
          scope={s}
          onSaved={(scopes) => {
            setData({ scopes });
          }}
        />
      ))}
    </section>
  );
}

function ScopeOf({
  schoolId,
  userId,
  displayName,
  scope,
  onSaved,
}: {
  schoolId: string;
  userId: string;
  displayName: string;
  scope: RoleScope;
  onSaved: (scopes: RoleScope[]) => void;
}) {
  const [years, setYears] = useState(scope.yearGroups.map(String));
  const [whole, setWhole] = useState(scope.widened !== null ? 'yes' : 'no');
  const [reason, setReason] = useState(scope.widened?.reason ?? '');
  const [saved, setSaved] = useState<number | null>(null);
  // Field names carry the role, so two roles' forms on one page keep distinct ids.
  const name = `scope-${scope.role}`;
  const form = useFormErrors([`${name}-yearGroups`, `${name}-wholeSchool`, `${name}-reason`]);
  const action = useAction(form);

  const save = async () => {
    const parsed = setRoleScopeBody.safeParse({
      yearGroups: years.map(Number),
      wholeSchool: whole === 'yes',
      ...(whole === 'yes' ? { reason } : {}),
    });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues.map((i) => ({ ...i, path: [`${name}-${String(i.path[0])}`] })));
      return;
    }
    await action.run(async () => {
      const answer = await apiPut(`${scopesApi(schoolId, userId)}/${enc(scope.role)}`, parsed.data, roleScopesResponse);
      form.clear();
      onSaved(answer.scopes);
      setSaved(Date.now());
    });
  };

  return (
    <div className="section">
      <h3 className="heading-m">{ROLE_LABELS[scope.role]}</h3>
      <p>{describeScope(scope)}</p>
      {scope.widened !== null && (
        <p className="hint">
          Widened to the whole school on {formatDate(scope.widened.at)}
          {scope.widened.byName !== null && ` by ${scope.widened.byName}`}: {scope.widened.reason}
        </p>
      )}
      {!scope.adjustable && <p className="hint">This role always sees every pupil in the school.</p>}
      {saved !== null && (
        <NotificationBanner key={saved} kind="success" title="Saved. The change is in the audit trail." />
      )}
      {scope.adjustable && (
        <Form onSubmit={save}>
          <ErrorSummary errors={form.errors} />
          {scope.role === 'pastoral_lead' && (
            <Checkboxes
              name={`${name}-yearGroups`}
              legend="The year groups they lead"
              hint={`${displayName} opens the case record of every pupil in these years.`}
              options={YEARS}
              values={years}
              onValuesChange={setYears}
              error={form.errorFor(`${name}-yearGroups`)}
            />
          )}
          <Radios
            name={`${name}-wholeSchool`}
            legend="Widen to the whole school?"
            hint="Only when their work needs it, for example while covering for a colleague."
            inline
            options={[
              { value: 'no', label: 'No' },
              { value: 'yes', label: 'Yes' },
            ]}
            value={whole}
            onValueChange={setWhole}
            error={form.errorFor(`${name}-wholeSchool`)}
          />
          {whole === 'yes' && (
            <TextareaField
              name={`${name}-reason`}
              label="Why they need to see the whole school"
              hint="Recorded with the change."
              rows={3}
              maxChars={500}
              value={reason}
              onValueChange={setReason}
              error={form.errorFor(`${name}-reason`)}
            />
          )}
          <Button type="submit" variant="secondary" busy={action.busy} disabled={action.busy} busyText="Saving…">
            Save <span className="visually-hidden">{ROLE_LABELS[scope.role]}</span> scope
          </Button>
        </Form>
      )}
    </div>
  );
}
