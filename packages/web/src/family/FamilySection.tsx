import { useId, type ReactNode } from 'react';

/** One titled part of a family page, with its heading (h2) in the page's order. */
export function FamilySection({ title, id, children }: { title: ReactNode; id?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="family-section" aria-labelledby={headingId} id={id}>
      <h2 className="heading-l" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
