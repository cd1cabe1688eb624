import { getTableName, isTable } from 'drizzle-orm';
import { isPgSequence } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema';

describe('the schema index', () => {
  it('exports tables (and the sequences they number rows with) and nothing else, since the server hands the whole module to Drizzle', () => {
    const notTables = Object.entries(schema).filter(([, value]) => !isTable(value) && !isPgSequence(value));
    expect(notTables.map(([name]) => name)).toEqual([]);
  });

  it('gathers each table once, under one name', () => {
    const names = Object.values(schema)
      .filter((value) => isTable(value))
      .map((table) => getTableName(table));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('concerns');
    expect(names).toContain('meeting_actions');
  });
});
