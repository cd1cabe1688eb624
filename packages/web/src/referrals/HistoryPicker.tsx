/**
 * Entries from the pupil's record to add to "History from the record": tick them, then add them
 * as lines at the end of the history, which stays a text anyone can change.
 */
import type { ReferralDetail } from '@tandem/core';
import { useState } from 'react';
import { Button, Checkboxes } from '../components/Form';
import { countOf } from '../components/format';
import { recordLine } from './referralValues';

export function HistoryPicker({
  record,
  onAdd,
}: {
  record: ReferralDetail['record'];
  onAdd: (lines: string[]) => void;
}) {
  const [ticked, setTicked] = useState<string[]>([]);
  // What happened on the last press: how many were added, or that none was ticked.
  const [added, setAdded] = useState<number | null>(null);
  if (record.length === 0) {
    return <p className="secondary-text">Nothing on the record to add yet. Write the history in your own words.</p>;
  }
  return (
    <div className="history-picker">
      <Checkboxes
        name="historyEntries"
        legend="Add from the record"
        hint="Tick the entries to include. They are added at the end of the history, where you can change them."
        options={record.map((e) => ({ value: e.id, label: recordLine(e) }))}
        values={ticked}
        onValuesChange={(v) => {
          setTicked(v);
          setAdded(null);
        }}
      />
      <Button
        variant="secondary"
        onClick={() => {
          if (ticked.length > 0) onAdd(record.filter((e) => ticked.includes(e.id)).map(recordLine));
          setAdded(ticked.length);
          setTicked([]);
        }}
      >
        Add the ticked entries
      </Button>
      <p role="status" className={added === null ? 'visually-hidden' : 'secondary-text'}>
        {added === null
          ? ''
          : added === 0
            ? 'Nothing added: tick the entries to add first.'
            : `${countOf(added, 'entry', 'entries')} added to the end of the history.`}
      </p>
    </div>
  );
}
