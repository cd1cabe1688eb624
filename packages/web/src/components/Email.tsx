import { Fragment } from 'react';

/** An email address that may wrap after the @ and at dots, rather than anywhere. */
export function Email({ address }: { address: string }) {
  const parts = address.split(/(?<=[@.])/);
  return (
    <span className="email">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
