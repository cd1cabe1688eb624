import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { levelDefinitions } from './levels.tables';
import { EVIDENCE_KINDS, LEVEL_CODES, THRIVE_GROUPS } from './levels.values';

export const levelCodeSchema = z.enum(LEVEL_CODES, { error: 'Choose a level from the list' });

const listField = (label: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `Remove empty lines from ${label}`)
        .max(500, 'Each line must be 500 characters or fewer'),
    )
    .max(40, `${label} can have at most 40 lines`);

const lines = () => z.array(z.string());
const definitionRow = createSelectSchema(levelDefinitions, {
  schoolProvides: lines,
  homeDoes: lines,
  schoolToDo: lines,
  homeToDo: lines,
  parentAtHome: lines,
  createdAt: isoTime,
}).shape;

export const levelDefinitionSchema = z.object({
  id: definitionRow.id,
  code: definitionRow.code,
  version: definitionRow.version,
  name: definitionRow.name,
  description: definitionRow.description,
  schoolProvides: definitionRow.schoolProvides,
  homeDoes: definitionRow.homeDoes,
  schoolToDo: definitionRow.schoolToDo,
  homeToDo: definitionRow.homeToDo,
  evidenceToMoveUp: definitionRow.evidenceToMoveUp,
  parentSummary: definitionRow.parentSummary,
  parentAtHome: definitionRow.parentAtHome,
  thriveGroup: z.enum(THRIVE_GROUPS),
  createdAt: definitionRow.createdAt,
  createdByName: z.string().nullable(),
});
export type LevelDefinition = z.infer<typeof levelDefinitionSchema>;

export const levelFrameworkResponse = z.object({ levels: z.array(levelDefinitionSchema) });

/** Rewording a level: every field is given, and a reason for the change. */
export const rewordLevelBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name for the level').max(100, 'Name must be 100 characters or fewer'),
  description: z
    .string()
    .trim()
    .min(1, 'Enter a description')
    .max(2000, 'Description must be 2,000 characters or fewer'),
  schoolProvides: listField('What school provides'),
  homeDoes: listField('What home does'),
  schoolToDo: listField('School to do'),
  homeToDo: listField('Home to do'),
  /**
   * The home lines as parents read them. Optional so that an older client keeps the parent wording
   * in force; when given it replaces it.
   */
  parentAtHome: listField('What you can do at home (for parents)').optional(),
  evidenceToMoveUp: z.string().trim().min(1, 'Say what evidence moves a pupil up').max(2000),
  parentSummary: z
    .string()
    .trim()
    .min(1, 'Enter the summary for parents')
    .max(1000, 'Summary must be 1,000 characters or fewer'),
  /** The version being edited: a save over someone else's newer version is refused. */
  baseVersion: z.number().int().positive(),
});
export type RewordLevelBody = z.infer<typeof rewordLevelBody>;

/** A piece of evidence as a level change keeps it (level_changes.evidence) and answers it. */
export const levelEvidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  description: z.string(),
  refId: z.string().optional(),
});

export const evidenceItemSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS, { error: 'Choose the kind of evidence' }),
  description: z
    .string({ error: 'Describe the evidence' })
    .trim()
    .min(1, 'Describe the evidence')
    .max(2000, 'Evidence must be 2,000 characters or fewer'),
  refId: z.uuid().optional(),
});

export const setLevelBody = z.strictObject({
  /** null = Thriving (no level). */
  level: levelCodeSchema.nullable(),
  reason: z
    .string({ error: 'Give a reason for the change' })
    .trim()
    .min(1, 'Give a reason for the change')
    .max(4000, 'Reason must be 4,000 characters or fewer'),
  evidence: z.array(evidenceItemSchema).max(20, 'At most 20 pieces of evidence'),
  /** The level the person saw when they decided; a change by someone else meanwhile is refused. */
  expectedCurrentLevel: levelCodeSchema.nullable(),
});
export type SetLevelBody = z.infer<typeof setLevelBody>;
