/**
 * Connect (or change) the school's Microsoft or Google tenant: the tenant ID fills Microsoft's
 * issuer address, Google has one; the client ID and secret from the provider (the secret is never
 * shown again: leave it empty to keep the saved one); the staff email domains; whether the
 * provider's multi-factor authentication stands in for Tandem's; on or off.
 */
import {
  GOOGLE_ISSUER,
  MICROSOFT_TENANT_PATTERN,
  SSO_PROVIDER_LABELS,
  microsoftIssuer,
  microsoftTenantOf,
  ssoConnectionBody,
  ssoConnectionSchema,
  ssoConnectionsResponse,
  type SsoConnection,
  type SsoProvider,
} from '@tandem/core';
import { useState } from 'react';
import { apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { BackLink, PageTitle } from '../components/Page';
import { Button, Checkboxes, ErrorSummary, Form, Radios, TextField } from '../components/Form';
import { resourceFallback } from '../components/resourceFallback';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { useNavigate } from '../router/router';
import { ssoApi, ssoPage, ssoProviderApi } from './ssoApi';
import { useSsoSchool } from './ssoSchool';

const FIELDS = ['tenantId', 'issuer', 'clientId', 'clientSecret', 'domains', 'acceptIdpMfa', 'enabled'] as const;

export function SsoConnectionPage({ schoolId, provider }: { schoolId: string; provider: SsoProvider | null }) {
  const school = useSsoSchool(schoolId);
  const allowed = school?.status === 'ready' && provider !== null;
  const { resource, reload } = useResource(allowed ? ssoApi(schoolId) : null, ssoConnectionsResponse);
  if (school === null || provider === null) return <NotFoundPage />;
  const title = `Connect ${SSO_PROVIDER_LABELS[provider]}`;
  if (school.status === 'loading') {
    return resourceFallback(school, {
      title,
      caption: school.caption,
      loading: 'Loading the connection',
      onRetry: reload,
    });
  }
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title,
      caption: school.name,
      loading: 'Loading the connection',
      onRetry: reload,
    });
  }
  const saved = resource.data.connections.find((c) => c.provider === provider) ?? null;
  return (
    <div className="narrow">
      <BackLink to={ssoPage(schoolId)}>Single sign-on</BackLink>
      <ConnectionForm schoolId={schoolId} schoolName={school.name} provider={provider} saved={saved} title={title} />
    </div>
  );
}

function ConnectionForm({
  schoolId,
  schoolName,
  provider,
  saved,
  title,
}: {
  schoolId: string;
  schoolName: string;
  provider: SsoProvider;
  saved: SsoConnection | null;
  title: string;
}) {
  const navigate = useNavigate();
  const label = SSO_PROVIDER_LABELS[provider];
  const savedTenant = saved ? microsoftTenantOf(saved.issuer) : null;
  const [tenantId, setTenantId] = useState(savedTenant ?? '');
  // Another issuer address: Google's own, or (development, national clouds) one typed in full.
  const [issuer, setIssuer] = useState(
    saved && (provider === 'google' || savedTenant === null)
      ? saved.issuer
      : provider === 'google'
        ? GOOGLE_ISSUER
        : '',
  );
  const [clientId, setClientId] = useState(saved?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(saved?.domains.join(', ') ?? '');
  const [acceptIdpMfa, setAcceptIdpMfa] = useState(saved?.acceptIdpMfa ?? false);
  const [enabled, setEnabled] = useState(saved ? String(saved.enabled) : 'true');
  const form = useWorkForm(FIELDS);

  const submit = async () => {
    const useTenant = provider === 'microsoft' && issuer.trim() === '';
    const tenantProblem =
      useTenant && !MICROSOFT_TENANT_PATTERN.test(tenantId.trim())
        ? [
            {
              path: 'tenantId',
              message: 'Enter the Directory (tenant) ID, such as 8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f',
            },
          ]
        : [];
    const body = form.check(
      ssoConnectionBody.safeParse({
        issuer: useTenant ? microsoftIssuer(tenantId) : issuer,
        clientId,
        ...(clientSecret.trim() !== '' ? { clientSecret } : {}),
        domains: domains.split(/[\s,;]+/).filter((d) => d !== ''),
        acceptIdpMfa,
        enabled: enabled === 'true',
      }),
      tenantProblem,
    );
    if (body === null) return;
    await form.send(async () => {
      await apiPut(ssoProviderApi(schoolId, provider), body, ssoConnectionSchema);
      navigate(ssoPage(schoolId), { flash: { kind: 'success', title: `${label} connection saved` } });
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={schoolName}>{title}</PageTitle>
      <Form onSubmit={submit}>
        {provider === 'microsoft' && (
          <TextField
            name="tenantId"
            label="Directory (tenant) ID"
            hint="In Microsoft Entra admin centre, Overview. Tandem makes the issuer address from it."
            spellCheck={false}
            value={tenantId}
            onValueChange={setTenantId}
            error={form.errorFor('tenantId')}
          />
        )}
        <details
          className="details"
          open={issuer.trim() !== '' || form.errorFor('issuer') !== undefined ? true : undefined}
        >
          <summary className="details__summary">
            {provider === 'microsoft' ? 'Use another issuer address' : 'Issuer address'}
          </summary>
          <div className="details__text">
            <TextField
              name="issuer"
              label="Issuer address"
              hint={
                provider === 'microsoft'
                  ? 'Only if your tenant is not at login.microsoftonline.com. Leave empty to use the tenant ID.'
                  : `Google Workspace's is ${GOOGLE_ISSUER}.`
              }
              spellCheck={false}
              value={issuer}
              onValueChange={setIssuer}
              error={form.errorFor('issuer')}
            />
          </div>
        </details>
        <TextField
          name="clientId"
          label={provider === 'microsoft' ? 'Application (client) ID' : 'Client ID'}
          spellCheck={false}
          value={clientId}
          onValueChange={setClientId}
          error={form.errorFor('clientId')}
        />
        <TextField
          name="clientSecret"
          label="Client secret"
          hint={
            saved?.secretSaved
              ? 'Saved. Leave this empty to keep it, or enter a new secret to replace it. Tandem never shows it again.'
              : 'Tandem never shows it again once saved.'
          }
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={clientSecret}
          onValueChange={setClientSecret}
          error={form.errorFor('clientSecret')}
        />
        <TextField
          name="domains"
          label="Staff email domains"
          hint="The part after the @ in your staff's email addresses, such as oakfield.sch.uk. Separate several with commas."
          spellCheck={false}
          autoCapitalize="none"
          value={domains}
          onValueChange={setDomains}
          error={form.errorFor('domains')}
        />
        <Checkboxes
          name="acceptIdpMfa"
          legend="Second factor"
          hint={`Staff whose role needs two-factor sign-in are asked for Tandem's code unless you accept ${label}'s.`}
          options={[
            {
              value: 'yes',
              label: `Accept ${label}'s multi-factor authentication in place of Tandem's, when ${label} reports it`,
            },
          ]}
          values={acceptIdpMfa ? ['yes'] : []}
          onValuesChange={(values) => setAcceptIdpMfa(values.includes('yes'))}
          error={form.errorFor('acceptIdpMfa')}
        />
        <Radios
          name="enabled"
          legend={`Let staff sign in with ${label}`}
          inline
          options={[
            { value: 'true', label: 'On' },
            { value: 'false', label: 'Off' },
          ]}
          value={enabled}
          onValueChange={setEnabled}
          error={form.errorFor('enabled')}
        />
        <Button type="submit" busy={form.busy} busyText="Saving…">
          Save the connection
        </Button>
      </Form>
    </>
  );
}
