/** EXPLAIN (ANALYZE, BUFFERS) of a statement, reduced to what shows whether its cost grows with other schools. */
import type { Query } from './databases';

export interface PlanSummary {
  /** Plan nodes, outermost first, with the rows each scan read: "Index Scan using pupils_school_name_idx (53 rows)". */
  nodes: string[];
  /** Shared buffers hit or read by the whole statement. */
  buffers: number;
  /** Rows the scans produced or threw away (a filter's "rows removed"), summed over loops. */
  rowsRead: number;
  executionMs: number;
  /** The plan as EXPLAIN prints it. */
  text: string[];
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface ExplainJson {
  Plan: PlanNode;
  'Execution Time': number;
}

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export async function explainPlan(query: Query, sql: string, params: unknown[]): Promise<PlanSummary> {
  // Once to warm the cache, as the measured runs are warm.
  await query(sql, params);
  const [row] = await query<{ 'QUERY PLAN': unknown }>(`explain (analyze, buffers, format json) ${sql}`, params);
  const raw = row?.['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as ExplainJson[];
  const top = parsed[0];
  if (!top) throw new Error('no plan');
  const nodes: string[] = [];
  let rowsRead = 0;
  walk(top.Plan, (n) => {
    const on = n['Index Name'] ? ` using ${n['Index Name']}` : n['Relation Name'] ? ` on ${n['Relation Name']}` : '';
    let read = '';
    if (/Scan/.test(n['Node Type']) && !/Bitmap Index Scan/.test(n['Node Type'])) {
      const loops = n['Actual Loops'] ?? 1;
      const rows = Math.round(
        ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) *
          loops,
      );
      rowsRead += rows;
      read = ` (${rows} rows)`;
    }
    nodes.push(`${n['Node Type']}${on}${read}`);
  });
  const text = await query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
  return {
    nodes,
    buffers: (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0),
    rowsRead,
    executionMs: top['Execution Time'],
    text: text.map((r) => r['QUERY PLAN']),
  };
}
