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
const q = async (label: string, text: string) => { console.log('==', label); console.table((await client.query(text)).rows); };
const sch = `(select id, case when name like 'King%' then 'K' else 'W' end s from schools)`;
await q('levels now', `select s, coalesce(current_level,'none') lvl, count(*)::int n, sum(case when sex='female' then 1 else 0 end)::int f from pupils p join ${sch} sc on sc.id=p.school_id group by 1,2 order by 1,2`);
await q('yc', `select s, count(*)::int yc, sum(case when current_level in ('MH3','MH4','MH5') then 1 else 0 end)::int yc_mh3 from pupils p join ${sch} sc on sc.id=p.school_id where young_carer group by 1`);
await q('la', `select s, count(*)::int la, sum(case when current_level in ('MH3','MH4','MH5') then 1 else 0 end)::int la_mh3 from pupils p join ${sch} sc on sc.id=p.school_id where looked_after group by 1`);
await q('changes per month', `select s, to_char(changed_at,'YYYY-MM') m, count(*)::int n, sum(case when coalesce(substr(to_level,3)::int,0) > coalesce(substr(from_level,3)::int,0) then 1 else 0 end)::int up from level_changes c join ${sch} sc on sc.id=c.school_id group by 1,2 order by 1,2`);
await q('consistency', `with last as (select distinct on (pupil_id) pupil_id, to_level, changed_at from level_changes order by pupil_id, changed_at desc) select count(*)::int bad from pupils p left join last l on l.pupil_id=p.id where p.current_level is distinct from l.to_level or p.level_changed_at is distinct from l.changed_at`);
await q('chain', `select count(*)::int bad from (select from_level, lag(to_level) over (partition by pupil_id order by changed_at) prev, row_number() over (partition by pupil_id order by changed_at) rn from level_changes) x where (rn=1 and from_level is not null) or (rn>1 and from_level is distinct from prev)`);
await q('future', `select count(*)::int n from level_changes where changed_at > now()`);
await q('concerns per month', `select to_char(logged_at,'YYYY-MM') m, count(*)::int n, sum(case when restricted then 1 else 0 end)::int r from concerns group by 1 order by 1`);
await q('movement by term', `
with terms(k, f, t) as (values ('2026-spring','2026-01-01'::date,'2026-03-31'::date),('2026-summer','2026-04-01','2026-07-31'),('2026-autumn','2026-09-01',current_date)),
lv as (select p.id, sc.s, k, (select substr(to_level,3)::int from level_changes c where c.pupil_id=p.id and c.changed_at::date < f order by changed_at desc limit 1) a,
 (select substr(to_level,3)::int from level_changes c where c.pupil_id=p.id and c.changed_at::date <= t order by changed_at desc limit 1) b
 from pupils p join ${sch} sc on sc.id=p.school_id cross join terms)
select s, k, sum(case when coalesce(b,0)>coalesce(a,0) then 1 else 0 end)::int up, sum(case when coalesce(b,0)<coalesce(a,0) then 1 else 0 end)::int down, sum(case when a is not null and a=b then 1 else 0 end)::int same from lv group by 1,2 order by 1,2`);
await q('olivia', `select given_name, family_name, current_level, level_changed_at, sex from pupils where given_name='Olivia' and family_name='Clarke'`);
await q('yc list', `select s, given_name||' '||family_name nm, coalesce(current_level,'none') lvl, (select count(*) from level_changes c where c.pupil_id=p.id)::int changes from pupils p join ${sch} sc on sc.id=p.school_id where young_carer order by 1,3 desc`);
await q('la list', `select s, given_name||' '||family_name nm, coalesce(current_level,'none') lvl from pupils p join ${sch} sc on sc.id=p.school_id where looked_after order by 1`);
await q('mh3+', `select s, given_name||' '||family_name nm, current_level, young_carer, looked_after from pupils p join ${sch} sc on sc.id=p.school_id where current_level in ('MH3','MH4','MH5') order by 1,3 desc`);
await q('sex', `select s, sex, count(*)::int from pupils p join ${sch} sc on sc.id=p.school_id group by 1,2 order by 1,2`);
await q('changes total', `select s, count(*)::int from level_changes c join ${sch} sc on sc.id=c.school_id group by 1`);
await client.close();
