/** One section of "my work": a heading with its count, then its list or what it is for. */
import type { ReactNode } from 'react';

export function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="my-work" aria-labelledby={`${id}-title`} id={id}>
      <h2 className="heading-m my-work__title" id={`${id}-title`}>
        {title}
        {count > 0 && (
          <span className="my-work__count">
            <span className="visually-hidden">: </span>
            {count}
          </span>
        )}
      </h2>
      {children}
    </section>
  );
}
