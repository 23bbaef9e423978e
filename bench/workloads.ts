/** The measured API workloads (issue 7 §2), as autocannon request specs over the bench fixture. */
import { apiHeaders, queryString } from './lib/api.ts';
import type { LoadSpec } from './lib/load.ts';
import { CATEGORIES, DATABASE_ID, ITEMS, WRITES, type BenchFixture } from './seed/bench-seed.ts';

export interface Workload {
  readonly id: string;
  readonly title: string;
  /** Minimum ratio to the express hello floor (issue 7 targets), if any. */
  readonly minRatio?: number;
  /** p99 ceiling in ms, if any. */
  readonly maxP99?: number;
  readonly spec: LoadSpec;
}

const docsPath = (collection: string) => `/v1/databases/${DATABASE_ID}/collections/${collection}/documents`;
/** A random document the bench user may read (even sequence numbers; see benchDocument). */
const readableId = (docs: number) => `d${2 * Math.floor(Math.random() * Math.floor(docs / 2))}`;
const listQuery = (total = true) => queryString({
  queries: [JSON.stringify({ method: 'equal', attribute: 'category', values: [`c${Math.floor(Math.random() * CATEGORIES)}`] }), JSON.stringify({ method: 'limit', values: [25] })],
  ...(total ? {} : { total: 'false' }),
});

export function workloads(url: string, f: BenchFixture): Workload[] {
  const asUser = apiHeaders({ project: f.project.id, session: f.user?.session });
  const asKey = apiHeaders({ project: f.project.id, key: f.project.key });
  const get = (headers: Record<string, string>): LoadSpec => ({
    url: url + docsPath(ITEMS),
    headers,
    setupRequest: (req) => ({ ...req, path: `${docsPath(ITEMS)}/${readableId(f.docs)}` }),
  });
  const list = (headers: Record<string, string>, total = true): LoadSpec => ({
    url: url + docsPath(ITEMS),
    headers,
    setupRequest: (req) => ({ ...req, path: docsPath(ITEMS) + listQuery(total) }),
  });
  let n = 0;
  const all: Workload[] = [
    { id: 'a_get_user', title: '(a) get document by ID, signed-in user, documentSecurity', minRatio: 0.4, maxP99: 25, spec: get(asUser) },
    { id: 'b_list_user', title: '(b) list 25 by indexed attribute, permission-filtered, user', minRatio: 0.3, maxP99: 25, spec: list(asUser) },
    { id: 'b_list_user_nototal', title: '(b) the same list with total=false, user', spec: list(asUser, false) },
    {
      id: 'c_create_user', title: '(c) create document, signed-in user', minRatio: 0.2, maxP99: 25,
      spec: {
        url: url + docsPath(WRITES), method: 'POST', headers: { ...asUser, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ documentId: 'unique()', data: { category: `c${n % CATEGORIES}`, n: n++, title: 'written by the bench' } }) }),
      },
    },
    { id: 'd_get_key', title: '(d) get document by ID, API key', spec: get(asKey) },
    { id: 'd_list_key', title: '(d) list 25 by indexed attribute, API key', spec: list(asKey) },
    {
      id: 'e_sign_in', title: '(e) sign in (email + password, argon2id)',
      spec: {
        url: `${url}/v1/account/sessions/email`, method: 'POST',
        headers: { ...apiHeaders({ project: f.project.id }), 'content-type': 'application/json' },
        body: JSON.stringify({ email: f.user?.email, password: f.user?.password }),
      },
    },
  ];
  return f.user ? all : all.filter((w) => w.id.endsWith('_key'));
}

/** The list workload alone, for the scale runs. */
export function listWorkload(url: string, f: BenchFixture): Workload {
  const all = workloads(url, f);
  return all.find((w) => w.id === 'b_list_user') ?? all.find((w) => w.id === 'd_list_key')!;
}
