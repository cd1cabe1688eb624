import type { SsoConnectionsResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { asSsoAdmin } from '../sso.access';
import { toConnection } from '../sso.mapping';
import { redirectUriFor } from '../sso.oidc';
import { connectionsOfSchool } from '../sso.queries';

/** The school's connections as its administrators see them (never the client secret). */
export async function readConnections(deps: AppDeps, at: SchoolRequest): Promise<SsoConnectionsResponse> {
  return asSsoAdmin(deps, at, async (w) => ({
    connections: (await connectionsOfSchool(w.tx, w.schoolId)).map(toConnection),
    redirectUri: redirectUriFor(deps),
    canEdit: true,
  }));
}
