import { IMPORT_KIND_LABELS, importColumns, type ImportKind, type ImportPreview } from '@tandem/core';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const importsApi = (schoolId: string) => `${schoolApi(schoolId)}/imports`;
export const importApi = (schoolId: string, importId: string) =>
  `${importsApi(schoolId)}/${encodeURIComponent(importId)}`;
export const importPage = (schoolId: string) => `${schoolPage(schoolId)}/import`;
export const importPreviewPage = (schoolId: string, importId: string) =>
  `${importPage(schoolId)}/${encodeURIComponent(importId)}`;

/** What each kind of file holds, in the school's words: one, many, and the page's heading. */
export const KIND_WORDS: Record<ImportKind, { one: string; many: string; title: string }> = {
  pupils: { one: 'pupil', many: 'pupils', title: IMPORT_KIND_LABELS.pupils },
  contacts: { one: 'parent or carer', many: 'parents and carers', title: IMPORT_KIND_LABELS.contacts },
  groups: { one: 'teaching group', many: 'teaching groups', title: IMPORT_KIND_LABELS.groups },
  ctf: { one: 'pupil', many: 'pupils', title: IMPORT_KIND_LABELS.ctf },
};

/** "Needs UPN, Surname, … Can also have Form, …" for the choice of file. */
export function columnsHint(kind: ImportKind): string {
  if (kind === 'ctf') {
    return 'The .xml file your MIS exports for a pupil joining from another school, or for your whole roll: pupils with their parents and carers, checked and imported together. Nobody is marked as left.';
  }
  const columns = importColumns(kind);
  const needed = columns.filter((c) => c.required).map((c) => c.label);
  const optional = columns.filter((c) => !c.required).map((c) => c.label);
  const extra: Record<ImportKind, string> = {
    pupils: '',
    contacts: ' Give each contact’s name in one column, or as forename and surname.',
    groups: ' One row for each pupil in each group. Staff email links the group’s teachers.',
    ctf: '',
  };
  return `Columns it needs: ${needed.join(', ')}. It can also have: ${optional.join(', ')}.${extra[kind]}`;
}

/**
 * Previews checked in this tab, so the preview page can show the samples and every error the
 * server sent. After a reload only the counts (from the server) are known.
 */
const previews = new Map<string, ImportPreview>();

export function rememberPreview(preview: ImportPreview): void {
  previews.set(preview.importId, preview);
}

export function recallPreview(importId: string): ImportPreview | undefined {
  return previews.get(importId);
}
