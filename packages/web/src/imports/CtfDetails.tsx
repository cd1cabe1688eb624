/** What a common transfer file's preview adds: where it comes from, whom it is for, its contacts. */
import type { CtfOutline } from '@tandem/core';
import { InsetText, SummaryList, WarningText } from '../components/Page';

export function CtfDetails({ ctf, errors }: { ctf: CtfOutline; errors: boolean }) {
  const c = ctf.contacts;
  return (
    <>
      <h2 className="heading-m">The common transfer file</h2>
      <SummaryList
        rows={[
          { key: 'from', label: 'From', value: ctf.sourceSchool },
          {
            key: 'to',
            label: 'Addressed to',
            value: ctf.destination ?? 'No school in particular (destination not given or not known)',
          },
          { key: 'contacts', label: 'Parents and carers in the file', value: c.totalRows.toLocaleString('en-GB') },
          ...(errors
            ? []
            : [
                { key: 'contactsAdd', label: 'New parents and carers', value: c.toAdd.toLocaleString('en-GB') },
                {
                  key: 'contactsUpdate',
                  label: 'Parents and carers with changes',
                  value: c.toUpdate.toLocaleString('en-GB'),
                },
                {
                  key: 'contactsSame',
                  label: 'Parents and carers up to date',
                  value: c.unchanged.toLocaleString('en-GB'),
                },
              ]),
        ]}
      />
      {ctf.otherDestinationConfirmed && (
        <WarningText>This file is addressed to another school. You confirmed it is meant for yours.</WarningText>
      )}
      <InsetText>
        <p>A common transfer file never marks pupils as left: pupils who are not in it stay on roll.</p>
        {ctf.unchangedFields.length > 0 && (
          <p>
            The file does not give these details for everyone, so Tandem leaves them as they are:{' '}
            {ctf.unchangedFields.join('; ')}.
          </p>
        )}
      </InsetText>
    </>
  );
}
