/** The rules that fired for a pupil, each in plain words with its figures. */
import type { EarlyFiredRule } from '@tandem/core';

export function FiredRules({ fired }: { fired: readonly EarlyFiredRule[] }) {
  return (
    <ul className="list early__fired">
      {fired.map((f) => (
        <li key={f.kind}>
          <strong>{f.label}:</strong> {f.because}
        </li>
      ))}
    </ul>
  );
}
