/**
 * What the load generator knows about every document it wrote (Jepsen-style, per SECURITY-REFERENCE
 * §2.4): each document belongs to one worker, whose operations on it are sequential, so its history
 * is a line of definite operations optionally ending in ONE operation with an unknown outcome (5xx,
 * timeout, connection reset) — after which the worker only retries an unknown create (idempotent by
 * its client-chosen ID) and otherwise leaves the document alone. The final state must then be the
 * last acknowledged one or the unknown one.
 */

/** A document's state as the checker sees it: absent, or present at a version (the canary encodes it). */
export type DocState = { readonly present: false } | { readonly present: true; readonly version: number };

export const ABSENT: DocState = Object.freeze({ present: false });
export const version = (v: number): DocState => Object.freeze({ present: true, version: v });

export interface DocHistory {
  readonly project: string;
  readonly id: string;
  /** State after the last acknowledged write (or ABSENT before any). */
  acked: DocState;
  /** True once any write was acknowledged (a create 2xx). */
  everAcked: boolean;
  /** The state an unknown-outcome write would have produced, if one happened. */
  unknown: DocState | null;
  /** The next version number this document's worker will write. */
  nextVersion: number;
}

export const canaryOf = (project: string, id: string, v: number) => `${project}:${id}:${v}`;

/** Parses a canary back into project, id and version (null when it isn't one of ours). */
export function parseCanary(c: unknown): { project: string; id: string; version: number } | null {
  if (typeof c !== 'string') return null;
  const m = /^([^:]+):([^:]+):(\d+)$/.exec(c);
  return m ? { project: m[1]!, id: m[2]!, version: Number(m[3]) } : null;
}

export type Verdict = 'ok' | 'acked_lost' | 'acked_changed' | 'unknown_committed' | 'unknown_not_committed';

/** Compares what the server holds with what the history allows. */
export function judge(h: DocHistory, actual: DocState): Verdict {
  const same = (a: DocState, b: DocState) => a.present === b.present && (!a.present || (b.present && a.version === b.version));
  if (same(actual, h.acked)) return h.unknown && !same(h.unknown, h.acked) ? 'unknown_not_committed' : 'ok';
  if (h.unknown && same(actual, h.unknown)) return 'unknown_committed';
  if (h.acked.present && !actual.present) return 'acked_lost';
  return 'acked_changed';
}
