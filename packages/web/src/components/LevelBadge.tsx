import { LEVEL_CODES, levelRank, type LevelCode } from '@tandem/core';

/**
 * The one way a level is shown: its code on a coloured chip with a five-step scale, then its name.
 * The code, the name and the number of filled steps all say the level; colour only repeats them.
 * No level is "Thriving", shown with no steps.
 */
export function LevelBadge({
  code,
  name,
  size = 'normal',
}: {
  code: LevelCode | null;
  name?: string | undefined;
  size?: 'normal' | 'large';
}) {
  const rank = levelRank(code);
  const modifier = code === null ? 'thriving' : code.toLowerCase();
  return (
    <span className={`level-badge level-badge--${modifier}${size === 'large' ? ' level-badge--large' : ''}`}>
      <span className="level-badge__code">
        {code !== null && (
          <span className="level-badge__steps" aria-hidden="true">
            {LEVEL_CODES.map((c, i) => (
              <span key={c} className={i < rank ? 'level-badge__step level-badge__step--on' : 'level-badge__step'} />
            ))}
          </span>
        )}
        {code ?? 'Thriving'}
      </span>
      {code !== null && name !== undefined && name !== '' && (
        <span className="level-badge__name">
          <span className="visually-hidden">: </span>
          {name}
        </span>
      )}
    </span>
  );
}
