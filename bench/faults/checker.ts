/**
 * The checker run after each scenario: reads every document back through the API and compares it
 * with its history, then inspects the private MariaDB directly for half-written documents (rows
 * without their permission rows or the reverse), rows of another tenant or with another project's
 * canary, and duplicate IDs.
 */
import mysql from 'mysql2/promise';
import { apiHeaders } from '../lib/api.ts';
import { ABSENT, judge, parseCanary, version, type DocState, type Verdict } from './history.ts';
import { DOC_PERMISSIONS, send, type LoadDriver, type LoadProject, type OpRecord } from './load.ts';

export interface WriteFigures {
  attempted: number; acked: number; found: number; acked_lost: number; acked_changed: number;
  unknown: number; unknown_committed: number; duplicates: number;
}
export interface SqlFigures { documents: number; docs_without_perms: number; perms_without_doc: number; docs_with_wrong_perm_count: number; foreign_tenant_rows: number; foreign_canaries: number; duplicate_ids: number }
export interface CheckResult { readonly writes: WriteFigures; readonly sql: SqlFigures; readonly problems: string[] }

/** Every document of a project, by cursor paging with the API key: id → state. */
async function readAll(servers: readonly string[], p: LoadProject, path: string): Promise<Map<string, DocState>> {
  const out = new Map<string, DocState>();
  const headers = apiHeaders({ project: p.id, key: p.keys[0] });
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const queries = [JSON.stringify({ method: 'limit', values: [1000] }), JSON.stringify({ method: 'orderAsc', attribute: '$sequence' })];
    if (cursor) queries.push(JSON.stringify({ method: 'cursorAfter', values: [cursor] }));
    const qs = queries.map((q, i) => `queries[${i}]=${encodeURIComponent(q)}`).join('&') + '&total=false';
    const r = await send({ servers, timeoutMs: 30_000 }, page, 'GET', `${path}?${qs}`, headers);
    if (r.status !== 200) throw new Error(`read-back of ${p.id}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    const docs = (r.body as { documents: Array<{ $id: string; canary?: string }> }).documents;
    for (const d of docs) {
      const c = parseCanary(d.canary);
      out.set(d.$id, c && c.project === p.id && c.id === d.$id ? version(c.version) : version(-1));
    }
    if (docs.length < 1000) return out;
    cursor = docs[docs.length - 1]!.$id;
  }
  return out;
}

/**
 * `records`: this scenario's requests (attempted/acked/unknown count them); the read-back judges every
 * document written so far, so a loss found once is found again by every later check.
 */
export async function checkWrites(driver: LoadDriver, path: string, records: readonly OpRecord[]): Promise<{ writes: WriteFigures; problems: string[] }> {
  const problems: string[] = [];
  const writes: WriteFigures = { attempted: 0, acked: 0, found: 0, acked_lost: 0, acked_changed: 0, unknown: 0, unknown_committed: 0, duplicates: 0 };
  for (const r of records) {
    if (r.op === 'read' || r.op === 'flood') continue;
    writes.attempted++;
    if (r.outcome === 'ok') writes.acked++;
    if (r.outcome === 'unknown') writes.unknown++;
  }
  for (const p of driver.cfg.projects) {
    const actual = await readAll(driver.cfg.servers, p, path);
    const counts = new Map<Verdict, number>();
    for (const h of driver.docs.values()) {
      if (h.project !== p.id) continue;
      const seen = actual.get(h.id) ?? ABSENT;
      const v = judge(h, seen);
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (h.acked.present && seen.present) writes.found++;
      if (v === 'acked_lost' || v === 'acked_changed') problems.push(`${v}: ${p.id}/${h.id} acked ${JSON.stringify(h.acked)} unknown ${JSON.stringify(h.unknown)} server ${JSON.stringify(seen)}`);
      actual.delete(h.id);
    }
    writes.acked_lost += counts.get('acked_lost') ?? 0;
    writes.acked_changed += counts.get('acked_changed') ?? 0;
    writes.unknown_committed += counts.get('unknown_committed') ?? 0;
    for (const id of actual.keys()) problems.push(`document ${p.id}/${id} exists but the load never wrote it`);
  }
  return { writes, problems };
}

export async function checkSql(mysqlUrl: string, ns: string, projects: readonly LoadProject[], collectionId: string): Promise<{ sql: SqlFigures; problems: string[] }> {
  const conn = await mysql.createConnection({ uri: mysqlUrl });
  const sql: SqlFigures = { documents: 0, docs_without_perms: 0, perms_without_doc: 0, docs_with_wrong_perm_count: 0, foreign_tenant_rows: 0, foreign_canaries: 0, duplicate_ids: 0 };
  const problems: string[] = [];
  const one = async (q: string, params: unknown[]) => Number(((await conn.query(q, params)) as [Array<{ n: number }>, unknown])[0][0]?.n ?? 0);
  try {
    for (const p of projects) {
      const [[proj]] = (await conn.query(`SELECT _id FROM \`${ns}_console_projects\` WHERE uid = ?`, [p.id])) as [Array<{ _id: number }>, unknown];
      const tenant = Number(proj!._id);
      const [[coll]] = (await conn.query(`SELECT _id FROM \`${ns}_collections\` WHERE _tenant = ? AND _uid = ?`, [tenant, collectionId])) as [Array<{ _id: number }>, unknown];
      const [[attr]] = (await conn.query(`SELECT _id FROM \`${ns}_attributes\` WHERE _tenant = ? AND collection_seq = ? AND \`key\` = 'canary'`, [tenant, coll!._id])) as [Array<{ _id: number }>, unknown];
      const docs = `\`${ns}_c${coll!._id}\``;
      const perms = `\`${ns}_c${coll!._id}_perms\``;
      const canary = `\`a${attr!._id}\``;
      sql.documents += await one(`SELECT COUNT(*) n FROM ${docs} WHERE _tenant = ?`, [tenant]);
      sql.docs_without_perms += await one(`SELECT COUNT(*) n FROM ${docs} d WHERE d._tenant = ? AND NOT EXISTS (SELECT 1 FROM ${perms} x WHERE x._tenant = d._tenant AND x._document = d._id)`, [tenant]);
      sql.perms_without_doc += await one(`SELECT COUNT(*) n FROM ${perms} x WHERE x._tenant = ? AND NOT EXISTS (SELECT 1 FROM ${docs} d WHERE d._tenant = x._tenant AND d._id = x._document)`, [tenant]);
      sql.docs_with_wrong_perm_count += await one(`SELECT COUNT(*) n FROM ${docs} d WHERE d._tenant = ? AND (SELECT COUNT(*) FROM ${perms} x WHERE x._tenant = d._tenant AND x._document = d._id) <> ?`, [tenant, DOC_PERMISSIONS.length]);
      sql.foreign_tenant_rows += await one(`SELECT (SELECT COUNT(*) FROM ${docs} WHERE _tenant <> ?) + (SELECT COUNT(*) FROM ${perms} WHERE _tenant <> ?) n`, [tenant, tenant]);
      sql.foreign_canaries += await one(`SELECT COUNT(*) n FROM ${docs} WHERE _tenant = ? AND ${canary} NOT LIKE ?`, [tenant, `${p.id}:%`]);
      sql.duplicate_ids += await one(`SELECT COUNT(*) n FROM (SELECT _uid FROM ${docs} GROUP BY _tenant, _uid HAVING COUNT(*) > 1) x`, []);
    }
  } finally {
    await conn.end();
  }
  for (const [k, v] of Object.entries(sql)) if (k !== 'documents' && v > 0) problems.push(`SQL: ${k} = ${v}`);
  return { sql, problems };
}
