/** The single sign-on settings pages and their addresses (gathered in App.tsx). */
import { SSO_PROVIDERS, type SsoProvider } from '@tandem/core';
import { page, p, type Route } from '../router/pages';

const SsoSettingsPage = page(() => import('./SsoSettingsPage'), 'SsoSettingsPage');
const SsoConnectionPage = page(() => import('./SsoConnectionPage'), 'SsoConnectionPage');

const isProvider = (value: string): value is SsoProvider => (SSO_PROVIDERS as readonly string[]).includes(value);

export const ssoRoutes: readonly Route[] = [
  {
    path: '/schools/:schoolId/single-sign-on',
    access: 'complete',
    render: (x) => <SsoSettingsPage schoolId={p(x, 'schoolId')} />,
  },
  {
    path: '/schools/:schoolId/single-sign-on/:provider',
    access: 'complete',
    render: (x) => {
      const provider = p(x, 'provider');
      return <SsoConnectionPage schoolId={p(x, 'schoolId')} provider={isProvider(provider) ? provider : null} />;
    },
  },
];
