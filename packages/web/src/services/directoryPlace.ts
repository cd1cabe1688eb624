/**
 * Who keeps the directory entries a page shows: a school (its own local entries, kept by its Senior
 * Mental Health Lead) or a trust (the shared entries every school of the trust sees, kept by the
 * trust administrator). The entry's page and editor are the same for both; this says where they
 * read and write, where they link, and the few words that differ.
 */
import { enc } from '../api/client';
import { trustCan, useSession } from '../auth/session';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';
import { mayManageServices, mayReadServices } from './servicesApi';

export interface DirectoryPlace {
  kind: 'school' | 'trust';
  id: string;
  name: string;
  /** The entries (GET), and where a new one is added (POST). */
  api: string;
  entryApi: (serviceId: string) => string;
  listPage: string;
  newPage: string;
  entryPage: (serviceId: string) => string;
  editPage: (serviceId: string) => string;
  words: {
    /** "Add a local service" */
    add: string;
    /** Under the editor's title when adding. */
    addLead: string;
    /** After adding. */
    added: string;
    /** Who stops finding a retired entry, and starts again when it comes back. */
    staff: string;
    /** How to find a retired entry again. */
    findRetired: string;
  };
}

/** Where a page is: a school's directory or a trust's. */
export type DirectoryAt = { schoolId: string } | { trustId: string };

const slash = (path: string) => (serviceId: string) => `${path}/${encodeURIComponent(serviceId)}`;

function place(
  kind: DirectoryPlace['kind'],
  id: string,
  name: string,
  api: string,
  listPage: string,
  words: DirectoryPlace['words'],
): DirectoryPlace {
  const entryPage = slash(listPage);
  return {
    kind,
    id,
    name,
    api,
    entryApi: (serviceId) => `${api}/${enc(serviceId)}`,
    listPage,
    newPage: `${listPage}/new`,
    entryPage,
    editPage: (serviceId) => `${entryPage(serviceId)}/edit`,
    words,
  };
}

/**
 * The directory at a school or trust, when the person signed in may read it (`read`) or keep its
 * entries (`manage`); null otherwise (the page then says "not found", as the server would).
 * At a trust, only its administrator may do either.
 */
export function useDirectory(at: DirectoryAt, need: 'read' | 'manage'): DirectoryPlace | null {
  const { session } = useSession();
  if ('schoolId' in at) {
    const school = session.schools.find((s) => s.id === at.schoolId);
    if (school === undefined || !(need === 'read' ? mayReadServices(school) : mayManageServices(school))) return null;
    return place(
      'school',
      school.id,
      school.name,
      `${schoolApi(school.id)}/services`,
      `${schoolPage(school.id)}/services`,
      {
        add: 'Add a local service',
        addLead:
          'A service near the school that staff can suggest to pupils and families. National services and those the trust shares are already in the directory.',
        added: 'Staff will find it when they search by the needs and ages you gave.',
        staff: 'Staff',
        findRetired: 'tick “Show retired entries” to find it',
      },
    );
  }
  const trust = session.trusts.find((t) => t.id === at.trustId);
  if (trust === undefined || !trustCan(trust, 'trust.manageSchools')) return null;
  return place(
    'trust',
    trust.id,
    trust.name,
    `/api/trusts/${enc(trust.id)}/services`,
    `/trusts/${encodeURIComponent(trust.id)}/services`,
    {
      add: 'Add a shared service',
      addLead: `A service that staff in every school of ${trust.name} will find in their directory, alongside the national ones. Schools cannot change it; they add their own local services themselves.`,
      added: 'Staff in every school of the trust will find it when they search by the needs and ages you gave.',
      staff: 'Staff in the trust’s schools',
      findRetired: 'it is listed under “Retired shared entries”',
    },
  );
}
