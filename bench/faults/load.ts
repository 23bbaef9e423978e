/**
 * The mixed load (≈60 % reads, 30 % creates with client-chosen IDs and a canary, 10 % updates and
 * deletes) over two projects whose workers use identical document IDs. Every request's outcome is
 * recorded; every document's history is kept for the checker (see history.ts).
 */
import { apiHeaders } from '../lib/api.ts';
import { sleep } from '../lib/procs.ts';
import { ABSENT, canaryOf, parseCanary, version, type DocHistory, type DocState } from './history.ts';

export type Outcome = 'ok' | 'fail' | 'unknown';
export interface OpRecord {
  readonly t0: number;
  readonly t1: number;
  readonly project: string;
  readonly op: string;
  readonly status: number; // HTTP status; 0 = connection error after sending; -1 = client timeout; -2 = refused (nothing sent)
  readonly outcome: Outcome;
  readonly server: string;
  /** For 5xx answers: whether they carried Retry-After (a 503 + Retry-After is the allowed answer during a fault). */
  readonly retryAfter?: boolean;
}

export interface LoadProject { readonly id: string; readonly keys: readonly string[] }
export interface LoadConfig {
  readonly servers: readonly string[];
  readonly projects: readonly LoadProject[];
  readonly workersPerProject: number;
  readonly thinkMs: number;
  readonly timeoutMs: number;
  readonly databaseId: string;
  readonly collectionId: string;
}

export const DOC_PERMISSIONS = ['read("users")', 'update("users")', 'delete("users")'];

export interface Sent { readonly status: number; readonly body: any; readonly server: string; readonly t0: number; readonly t1: number; readonly retryAfter?: boolean }

/** Sends one request, failing over to the next server when a connection is refused (nothing was sent). */
export async function send(cfg: Pick<LoadConfig, 'servers' | 'timeoutMs'>, rr: number, method: string, path: string, headers: Record<string, string>, body?: unknown, inflight?: Map<string, number>): Promise<Sent> {
  const t0 = Date.now();
  let server = '';
  for (let attempt = 0; attempt < cfg.servers.length; attempt++) {
    server = cfg.servers[(rr + attempt) % cfg.servers.length]!;
    inflight?.set(server, (inflight.get(server) ?? 0) + 1);
    try {
      const res = await fetch(`${server}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(cfg.timeoutMs) });
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      return { status: res.status, body: parsed, server, t0, t1: Date.now(), ...(res.status >= 500 ? { retryAfter: res.headers.has('retry-after') } : {}) };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === 'TimeoutError') return { status: -1, body: null, server, t0, t1: Date.now() };
      if (err.cause?.code === 'ECONNREFUSED') continue;
      return { status: 0, body: String(err.cause?.code ?? err.message), server, t0, t1: Date.now() };
    } finally {
      inflight?.set(server, (inflight.get(server) ?? 1) - 1);
    }
  }
  return { status: -2, body: 'refused', server, t0, t1: Date.now() };
}

export function outcomeOf(status: number, okStatuses: readonly number[]): Outcome {
  if (okStatuses.includes(status)) return 'ok';
  if (status === -2 || (status >= 400 && status < 500)) return 'fail';
  return 'unknown';
}

export class LoadDriver {
  readonly cfg: LoadConfig;
  readonly records: OpRecord[] = [];
  readonly docs = new Map<string, DocHistory>();
  /** Anomalies seen while running (acked document missing on read/update, foreign canary, …). */
  readonly anomalies: string[] = [];
  readonly inflightWrites = new Map<string, number>();
  readonly counters = { createRetries: 0, retriesConfirmedBy409: 0, foreignCanariesSeen: 0 };
  #stopped = true;
  #workers: Promise<void>[] = [];
  #rr = 0;
  #nextId = new Map<string, number>();

  constructor(cfg: LoadConfig) { this.cfg = cfg; }

  start(): void {
    this.#stopped = false;
    this.#workers = this.cfg.projects.flatMap((p) => Array.from({ length: this.cfg.workersPerProject }, (_, w) => this.#worker(p, w)));
  }

  /** Stops issuing requests and waits for the in-flight ones. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(this.#workers);
  }

  #path(id?: string): string {
    return `/databases/${this.cfg.databaseId}/collections/${this.cfg.collectionId}/documents${id ? `/${id}` : ''}`;
  }

  async #worker(p: LoadProject, w: number): Promise<void> {
    const headers = { ...apiHeaders({ project: p.id, key: p.keys[w % p.keys.length] }), 'content-type': 'application/json' };
    const mine: DocHistory[] = [];
    while (!this.#stopped) {
      const r = Math.random();
      const writable = () => mine.filter((h) => h.acked.present && !h.unknown);
      if (r < 0.6 && mine.length) await this.#read(p, headers, mine[Math.floor(Math.random() * mine.length)]!);
      else if (r < 0.9 || writable().length === 0) mine.push(await this.#create(p, w, headers));
      else {
        const list = writable();
        const h = list[Math.floor(Math.random() * list.length)]!;
        await (Math.random() < 0.75 ? this.#update(p, headers, h) : this.#delete(p, headers, h));
      }
      await sleep(this.cfg.thinkMs);
    }
  }

  #record(p: LoadProject, op: string, s: Sent, ok: readonly number[]): Outcome {
    const outcome = outcomeOf(s.status, ok);
    this.records.push({ t0: s.t0, t1: s.t1, project: p.id, op, status: s.status, outcome, server: s.server, ...(s.retryAfter === undefined ? {} : { retryAfter: s.retryAfter }) });
    return outcome;
  }

  async #read(p: LoadProject, headers: Record<string, string>, h: DocHistory): Promise<void> {
    const s = await send(this.cfg, this.#rr++, 'GET', this.#path(h.id), headers);
    this.#record(p, 'read', s, [200, 404]);
    if (s.status !== 200 && s.status !== 404) return;
    const seen: DocState = s.status === 404 ? ABSENT : this.#stateFrom(p, h, s.body);
    const allowed = [h.acked, ...(h.unknown ? [h.unknown] : [])];
    if (!allowed.some((a) => a.present === seen.present && (!a.present || (seen.present && a.version === seen.version)))) {
      this.anomalies.push(`read ${p.id}/${h.id} at ${new Date(s.t1).toISOString()}: saw ${JSON.stringify(seen)}, allowed ${JSON.stringify(allowed)}`);
    }
  }

  #stateFrom(p: LoadProject, h: DocHistory, body: any): DocState {
    const c = parseCanary(body?.canary);
    if (!c || c.project !== p.id || c.id !== h.id) {
      this.counters.foreignCanariesSeen++;
      this.anomalies.push(`foreign or malformed canary in ${p.id}/${h.id}: ${JSON.stringify(body?.canary)}`);
      return version(-1);
    }
    return version(c.version);
  }

  async #create(p: LoadProject, w: number, headers: Record<string, string>): Promise<DocHistory> {
    const slot = `${p.id}/${w}`;
    const n = this.#nextId.get(slot) ?? 0;
    this.#nextId.set(slot, n + 1);
    const id = `w${w}-${n}`;
    const h: DocHistory = { project: p.id, id, acked: ABSENT, everAcked: false, unknown: null, nextVersion: 2 };
    this.docs.set(`${p.id}/${id}`, h);
    const body = { documentId: id, data: { canary: canaryOf(p.id, id, 1), v: 1 }, permissions: DOC_PERMISSIONS };
    const s = await send(this.cfg, this.#rr++, 'POST', this.#path(), headers, body, this.inflightWrites);
    const outcome = this.#record(p, 'create', s, [201]);
    if (outcome === 'ok') { h.acked = version(1); h.everAcked = true; return h; }
    if (s.status === 409) this.anomalies.push(`create ${p.id}/${id}: 409 for a fresh ID`);
    if (outcome !== 'unknown') return h;
    h.unknown = version(1);
    // Retry once with the same client-chosen ID: 201 or 409 both settle it (idempotent by ID).
    await sleep(1000);
    this.counters.createRetries++;
    const again = await send(this.cfg, this.#rr++, 'POST', this.#path(), headers, body, this.inflightWrites);
    const o2 = this.#record(p, 'create-retry', again, [201, 409]);
    if (o2 === 'ok') {
      if (again.status === 409) this.counters.retriesConfirmedBy409++;
      h.acked = version(1); h.everAcked = true; h.unknown = null;
    }
    return h;
  }

  async #update(p: LoadProject, headers: Record<string, string>, h: DocHistory): Promise<void> {
    const v = h.nextVersion++;
    const s = await send(this.cfg, this.#rr++, 'PATCH', this.#path(h.id), headers, { data: { canary: canaryOf(p.id, h.id, v), v } }, this.inflightWrites);
    const outcome = this.#record(p, 'update', s, [200]);
    if (outcome === 'ok') h.acked = version(v);
    else if (outcome === 'unknown') h.unknown = version(v);
    else if (s.status === 404) this.anomalies.push(`update ${p.id}/${h.id}: 404 for an acknowledged document`);
  }

  async #delete(p: LoadProject, headers: Record<string, string>, h: DocHistory): Promise<void> {
    const s = await send(this.cfg, this.#rr++, 'DELETE', this.#path(h.id), headers, undefined, this.inflightWrites);
    const outcome = this.#record(p, 'delete', s, [204]);
    if (outcome === 'ok') h.acked = ABSENT;
    else if (outcome === 'unknown') h.unknown = ABSENT;
    else if (s.status === 404) this.anomalies.push(`delete ${p.id}/${h.id}: 404 for an acknowledged document`);
  }
}
