/** Page-level parts: the heading that matches the browser title, banners, tags, panels. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link, type Flash } from '../router/router';

/**
 * The page's h1; the browser title is set to match ("Staff and roles – Tandem"). It can be focused
 * by script so that a screen reader announces the new page after client-side navigation.
 */
function textOf(node: ReactNode): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map((n: ReactNode) => textOf(n)).join('');
  return '';
}

export function PageTitle({ children, caption, title }: { children: ReactNode; caption?: ReactNode; title?: string }) {
  const text = title ?? textOf(children);
  useEffect(() => {
    document.title = text === '' ? 'Tandem' : `${text} – Tandem`;
  }, [text]);
  return (
    <div className="page-title">
      {caption !== undefined && <p className="caption">{caption}</p>}
      <h1 className="heading-xl" tabIndex={-1} id="page-heading">
        {children}
      </h1>
    </div>
  );
}

export type TagTone = 'grey' | 'blue' | 'green' | 'yellow' | 'red' | 'teal';

/** A short status word. Colour only ever repeats what the word says. */
export function Tag({ tone = 'grey', children }: { tone?: TagTone; children: ReactNode }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}

export function TagList({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <ul className="tag-list" aria-label={label}>
      {children}
    </ul>
  );
}

/**
 * Success banners are announced and focused; information banners are a labelled region.
 */
export function NotificationBanner({
  kind,
  title,
  children,
  focus = kind === 'success',
}: {
  kind: 'success' | 'info';
  title: ReactNode;
  children?: ReactNode;
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const headerId = `banner-title-${kind}`;
  return (
    <div
      className={`notification notification--${kind}`}
      role={kind === 'success' ? 'alert' : 'region'}
      aria-labelledby={headerId}
      tabIndex={-1}
      ref={ref}
    >
      <div className="notification__header">
        <h2 className="notification__title" id={headerId}>
          {kind === 'success' ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="notification__content">
        <p className="notification__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}

export function FlashBanner({ flash }: { flash: Flash | null }) {
  if (flash === null) return null;
  return (
    <NotificationBanner kind={flash.kind} title={flash.title}>
      {flash.text !== undefined && <p>{flash.text}</p>}
    </NotificationBanner>
  );
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      {children}
    </Link>
  );
}

/** Shown while a page's data loads; announced politely. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="warning-text__text">
        <span className="visually-hidden">Warning: </span>
        {children}
      </strong>
    </div>
  );
}

/** A titled box of related information, such as "Help now". */
export function Panel({
  title,
  children,
  tone = 'plain',
  headingLevel = 2,
  compact = false,
}: {
  title: ReactNode;
  children: ReactNode;
  tone?: 'plain' | 'help';
  headingLevel?: 2 | 3;
  compact?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  return (
    <section className={`panel panel--${tone}${compact ? ' panel--compact' : ''}`} aria-labelledby={id}>
      <Heading className="panel__title" id={id}>
        {title}
      </Heading>
      <div className="panel__body">{children}</div>
    </section>
  );
}

/** The free lines anyone can call or text, at any time. */
function HelpLines() {
  return (
    <ul className="list help-list">
      <li>
        <strong>Childline</strong>: call <a href="tel:08001111">0800 1111</a>
      </li>
      <li>
        <strong>Shout</strong>: text SHOUT to <a href="sms:85258">85258</a>
      </li>
      <li>
        <strong>Samaritans</strong>: call <a href="tel:116123">116 123</a>
      </li>
    </ul>
  );
}

/**
 * Who to turn to straight away. Shown on every pupil page: in a pupil's own words on their pages,
 * and for staff on the pages about a pupil.
 */
export function HelpNow({ audience = 'pupil', compact = false }: { audience?: 'pupil' | 'staff'; compact?: boolean }) {
  if (audience === 'staff' && compact) {
    // On a long form (log a concern): the numbers in one short block, the rest a click away.
    return (
      <Panel title="Help now" tone="help" compact>
        <p>
          A pupil at risk of harm: find the DSL in person now. In an emergency, call <a href="tel:999">999</a>.
        </p>
        <p>
          Free, day or night: Childline <a href="tel:08001111">0800 1111</a>, Shout (text SHOUT to{' '}
          <a href="sms:85258">85258</a>), Samaritans <a href="tel:116123">116 123</a>.
        </p>
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">More about getting help</span>
          </summary>
          <div className="details__text">
            <p>
              Find the Designated Safeguarding Lead (DSL) or a deputy DSL in person straight away. Do not wait, and do
              not only send a message.
            </p>
            <p>
              If you are worried about how a pupil is feeling, tell your Mental Health Lead or the pupil&rsquo;s tutor.
            </p>
            <p>Pupils, and you, can talk to Childline, Shout or Samaritans for free, at any time, day or night.</p>
          </div>
        </details>
      </Panel>
    );
  }
  if (audience === 'staff') {
    return (
      <Panel title="Help now" tone="help">
        <p>
          If you think a pupil is at risk of harm, find the Designated Safeguarding Lead (DSL) or a deputy DSL in person
          straight away. Do not wait, and do not only send a message.
        </p>
        <p>If you are worried about how a pupil is feeling, tell your Mental Health Lead or the pupil&rsquo;s tutor.</p>
        <p>Pupils, and you, can talk to someone for free, at any time, day or night:</p>
        <HelpLines />
        <p className="help-emergency">
          <strong>
            In an emergency, call <a href="tel:999">999</a>.
          </strong>
        </p>
      </Panel>
    );
  }
  return (
    <Panel title="Help now" tone="help">
      <p>If you feel unsafe or upset, talk to an adult you trust in school, like your teacher or the school nurse.</p>
      <p>You can also talk to someone for free, at any time, day or night:</p>
      <HelpLines />
      <p className="help-emergency">
        <strong>
          In an emergency, call <a href="tel:999">999</a>.
        </strong>
      </p>
    </Panel>
  );
}

export interface CardItem {
  key: string;
  title: string;
  to: string;
  description: ReactNode;
}

/** The things a person can do, as a grid of linked cards. */
export function CardGrid({ items, label }: { items: readonly CardItem[]; label: string }) {
  return (
    <ul className="card-grid" aria-label={label}>
      {items.map((item) => (
        <li className="card" key={item.key}>
          <h2 className="card__title">
            <Link to={item.to} className="card__link">
              {item.title}
            </Link>
          </h2>
          <p className="card__description">{item.description}</p>
        </li>
      ))}
    </ul>
  );
}

export function SummaryList({ rows }: { rows: readonly { key: string; label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((r) => (
        <div className="summary-list__row" key={r.key}>
          <dt className="summary-list__key">{r.label}</dt>
          <dd className="summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
