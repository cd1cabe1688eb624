import type { ImportKind, ImportSampleItem } from '@tandem/core';
import { countOf } from '../components/format';
import { InsetText } from '../components/Page';
import { Table } from '../components/Table';
import { display, lineLabel } from './importLabels';

/** Pupils on roll but not in a full list, who will be marked as left (or why nobody will be). */
export function Leavers({
  markLeavers,
  count,
  sample,
}: {
  markLeavers: boolean;
  count: number;
  sample: readonly ImportSampleItem[];
}) {
  if (!markLeavers) {
    return (
      <InsetText>
        <p>
          You did not say this file is the full list of pupils on roll, so no pupil will be marked as left. To mark
          leavers, upload the full list and tick &lsquo;This file is the full list of pupils on roll&rsquo;.
        </p>
      </InsetText>
    );
  }
  if (count === 0) {
    return (
      <InsetText>
        <p>Every pupil on roll in Tandem is in this file, so no pupil will be marked as left.</p>
      </InsetText>
    );
  }
  return (
    <>
      <h2 className="heading-m">Pupils to be marked as left</h2>
      <p>
        {countOf(count, 'pupil is', 'pupils are')} on roll in Tandem but not in this file. Because you said the file is
        the full list of pupils on roll, they will be marked as having left today. Their records are kept, and they come
        back on roll if a later file includes them.
      </p>
      {sample.length > 0 && (
        <ul className="list list--bullet">
          {sample.map((p) => (
            <li key={p.key}>
              {p.label}
              {p.detail !== null && p.detail !== '' && <span className="secondary-text"> ({p.detail})</span>}
            </li>
          ))}
        </ul>
      )}
      {count > sample.length && <p className="secondary-text">And {countOf(count - sample.length, 'more pupil')}.</p>}
    </>
  );
}

/** Examples of what a file adds or changes, with each change from its old value to the new. */
export function Sample({
  title,
  total,
  items,
  kind,
  withChanges,
  lineHeader = lineLabel(kind),
}: {
  title: string;
  total: number;
  items: readonly ImportSampleItem[];
  kind: ImportKind;
  withChanges: boolean;
  lineHeader?: string;
}) {
  if (total === 0) return null;
  const keyLabel = kind === 'groups' ? 'Group' : 'UPN';
  return (
    <section aria-label={title}>
      <h2 className="heading-m">
        {title}{' '}
        <span className="secondary-text heading-count">
          ({total > items.length ? `first ${String(items.length)} of ${total.toLocaleString('en-GB')}` : total})
        </span>
      </h2>
      <Table
        caption={title}
        captionHidden
        rows={items}
        rowKey={(i) => `${i.key}-${String(i.line)}-${i.label}`}
        columns={[
          { key: 'name', header: 'Name', label: 'Name', cell: (i) => i.label },
          {
            key: 'detail',
            header: kind === 'contacts' ? 'Relationship' : 'Details',
            label: kind === 'contacts' ? 'Relationship' : 'Details',
            cell: (i) => i.detail ?? '',
          },
          ...(withChanges
            ? [
                {
                  key: 'changes',
                  header: 'Changes',
                  label: 'Changes',
                  cell: (i: ImportSampleItem) => (
                    <ul className="change-list">
                      {i.changes.map((c) => (
                        <li key={c.field}>
                          <strong>{c.field}</strong>: {display(c.field, c.from)} <span aria-hidden="true">→</span>
                          <span className="visually-hidden"> to </span> {display(c.field, c.to)}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          { key: 'key', header: keyLabel, label: keyLabel, nowrap: true, cell: (i) => <code>{i.key}</code> },
          {
            key: 'line',
            header: lineHeader,
            label: lineHeader,
            numeric: true,
            cell: (i) => (i.line === null ? '' : String(i.line)),
          },
        ]}
      />
    </section>
  );
}
