import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '@tandem/core/schema';
import { loadConfig } from '/work/main/packages/server/src/config';
import { migrateDatabase, type Database } from '/work/main/packages/server/src/db/client';
import { loadDemoIfEmpty } from '/work/main/packages/server/src/demo/seed';
import { systemClock } from '/work/main/packages/server/src/clock';
import { registries } from '/work/main/packages/server/src/features';
const client = await PGlite.create();
const database = { db: drizzle(client, { schema }), kind: 'pglite', raw: async (t: string, p?: unknown[]) => (await client.query(t, p)).rows, close: () => client.close() } as unknown as Database;
await migrateDatabase(database);
await loadDemoIfEmpty({ database, clock: systemClock, config: loadConfig({}), registries } as never);
const rows = (await client.query(`select left(s.name,4) sch, p.upn, p.given_name||' '||p.family_name nm, p.form, coalesce(p.current_level,'-') lvl, p.young_carer yc, p.looked_after la,
 (select to_char(min(changed_at),'MM-DD') from level_changes c where c.pupil_id=p.id) first, (select to_char(max(changed_at),'MM-DD') from level_changes c where c.pupil_id=p.id) last,
 (select count(*) from concern_pupils cp where cp.pupil_id=p.id)::int conc, (select count(*) from plans pl where pl.pupil_id=p.id)::int plans, (select count(*) from referrals r where r.pupil_id=p.id)::int refs
 from pupils p join schools s on s.id=p.school_id order by s.name, p.upn`)).rows;
for (const r of rows as any[]) console.log(Object.values(r).join('\t'));
await client.close();
