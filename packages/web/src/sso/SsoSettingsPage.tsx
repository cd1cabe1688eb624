/**
 * The school's single sign-on: whether staff may sign in with the school's Microsoft or Google
 * account, what is connected (never the client secret), a check that Tandem reaches the provider,
 * and what to enter when connecting. School administrator and head (school.sso), and a trust
 * administrator for the trust's schools (ssoSchool.ts).
 */
import {
  SSO_PROVIDER_LABELS,
  SSO_PROVIDERS,
  ssoCheckResponse,
  ssoConnectionsResponse,
  type SsoConnection,
  type SsoProvider,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { formatDateTime } from '../components/dates';
import { Button } from '../components/Form';
import { FlashBanner, InsetText, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { ssoProviderApi, ssoApi, ssoProviderPage } from './ssoApi';
import { useSsoSchool } from './ssoSchool';

const TITLE = 'Single sign-on for staff';

export function SsoSettingsPage({ schoolId }: { schoolId: string }) {
  const school = useSsoSchool(schoolId);
  const flash = useFlash();
  const { resource, reload } = useResource(
    school?.status === 'ready' ? ssoApi(schoolId) : null,
    ssoConnectionsResponse,
  );
  if (school === null) return <NotFoundPage />;
  if (school.status === 'loading') {
    return resourceFallback(school, {
      title: TITLE,
      caption: school.caption,
      loading: 'Loading single sign-on',
      onRetry: reload,
    });
  }
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading single sign-on',
      onRetry: reload,
    });
  }
  const { connections, redirectUri } = resource.data;
  return (
    <div className="sso-settings">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        Staff can sign in with their school Microsoft or Google account instead of a Tandem password. Parents and pupils
        always sign in with their Tandem password.
      </p>
      <p>
        Single sign-on never creates an account: it only signs in someone already on your staff list in Tandem, with the
        same email address. A member of staff you disable in Tandem cannot get in through Microsoft or Google.
      </p>
      {SSO_PROVIDERS.map((provider) => (
        <ProviderSection
          key={provider}
          schoolId={schoolId}
          provider={provider}
          connection={connections.find((c) => c.provider === provider) ?? null}
          onChecked={reload}
        />
      ))}
      <h2 className="heading-m">What to enter when connecting</h2>
      <p>In your identity provider, register Tandem as a web application with this redirect address:</p>
      <p>
        <code className="break-anywhere">{redirectUri}</code>
      </p>
      <ul className="list list--bullet">
        <li>
          Microsoft Entra ID: App registrations, New registration. You need the <strong>Directory (tenant) ID</strong>,
          the <strong>Application (client) ID</strong> and a <strong>client secret</strong> (Certificates &amp;
          secrets). Add the optional claims <code>email</code> and <code>xms_edov</code> to the ID token.
        </li>
        <li>
          Google Workspace: Google Cloud console, APIs &amp; Services, Credentials, Create OAuth client ID (web
          application). You need the <strong>client ID</strong> and <strong>client secret</strong>.
        </li>
        <li>The email domains your staff use, such as oakfield.sch.uk.</li>
      </ul>
    </div>
  );
}

function ProviderSection({
  schoolId,
  provider,
  connection,
  onChecked,
}: {
  schoolId: string;
  provider: SsoProvider;
  connection: SsoConnection | null;
  onChecked: () => void;
}) {
  const label = SSO_PROVIDER_LABELS[provider];
  const check = useAction();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const headingId = `sso-${provider}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="heading-m" id={headingId}>
        {label}{' '}
        {connection === null ? (
          <Tag>Not connected</Tag>
        ) : connection.enabled ? (
          <Tag tone="green">On</Tag>
        ) : (
          <Tag tone="yellow">Off</Tag>
        )}
      </h2>
      {connection === null ? (
        <InsetText>Staff cannot sign in with {label} yet.</InsetText>
      ) : (
        <SummaryList
          rows={[
            { key: 'issuer', label: 'Issuer', value: <span className="break-anywhere">{connection.issuer}</span> },
            { key: 'client', label: 'Client ID', value: <span className="break-anywhere">{connection.clientId}</span> },
            { key: 'secret', label: 'Client secret', value: connection.secretSaved ? 'Saved' : 'Not saved' },
            { key: 'domains', label: 'Staff email domains', value: connection.domains.join(', ') },
            {
              key: 'mfa',
              label: 'Second factor',
              value: connection.acceptIdpMfa
                ? `${label}'s multi-factor authentication is accepted in place of Tandem's`
                : "Tandem's own second factor is always asked for where a role needs it",
            },
            {
              key: 'checked',
              label: 'Last checked',
              value:
                connection.lastCheckedAt === null
                  ? 'Not yet'
                  : `${formatDateTime(connection.lastCheckedAt)}: ${connection.lastCheckOk ? 'reached' : 'could not be reached'}`,
            },
          ]}
        />
      )}
      <p>
        <Link to={ssoProviderPage(schoolId, provider)}>
          {connection === null ? `Connect ${label}` : `Change the ${label} connection`}
        </Link>
      </p>
      {connection !== null && (
        <Button
          variant="secondary"
          busy={check.busy}
          busyText="Checking…"
          onClick={() => {
            void check.run(async () => {
              setResult(await apiPost(`${ssoProviderApi(schoolId, provider)}/check`, {}, ssoCheckResponse));
              onChecked();
            });
          }}
        >
          Check the {label} connection
        </Button>
      )}
      {check.problem !== null && (
        <p className="error-text" role="alert">
          {check.problem}
        </p>
      )}
      {result !== null && (
        <p role="status" className={result.ok ? undefined : 'error-text'}>
          {result.message}
        </p>
      )}
    </section>
  );
}
