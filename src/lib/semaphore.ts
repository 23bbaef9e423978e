/**
 * Caps concurrent async work (password hashing runs on the small libuv pool; a login flood must not
 * starve it). `p-limit` queues every call and hands a freed slot to the oldest waiter, so a newcomer
 * can't overtake a waiter that was already woken (first come, first served) nor exceed the limit.
 */
import pLimit from 'p-limit';

export function createSemaphore(limit: number): <T>(fn: () => Promise<T>) => Promise<T> {
  const limiter = pLimit(limit);
  return <T>(fn: () => Promise<T>) => limiter(fn);
}
