/** A level's wording as the school set it: shown on pupils' records and on the levels pages. */
import type { LevelDefinition } from '@tandem/core';

/** Items as a bulleted list, or what to say when there are none. */
export function BulletList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p className="secondary-text">{empty}</p>;
  return (
    <ul className="list list--bullet">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** A level's full wording, as the school set it (now, or when a change was made). */
export function LevelWording({ def, headingLevel = 3 }: { def: LevelDefinition; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="level-wording">
      <p>{def.description}</p>
      <div className="level-wording__grid">
        <div>
          <H className="heading-s">What school provides</H>
          <BulletList items={def.schoolProvides} empty="None listed." />
          <H className="heading-s">School to do</H>
          <BulletList items={def.schoolToDo} empty="None listed." />
        </div>
        <div>
          <H className="heading-s">What home does</H>
          <BulletList items={def.homeDoes} empty="None listed." />
          <H className="heading-s">Home to do</H>
          <BulletList items={def.homeToDo} empty="None listed." />
        </div>
      </div>
      <H className="heading-s">Evidence that moves a pupil up from this level</H>
      <p>{def.evidenceToMoveUp}</p>
      <H className="heading-s">What parents and carers are told</H>
      <p className="quote">{def.parentSummary}</p>
    </div>
  );
}
