/**
 * Realtime events of users and their sessions (APPWRITE-REFERENCE-2 §D.4): channels `account` and
 * `account.<userId>`, received only by that user (`user:<id>`). Top-level user events
 * (`users.U.create`, `users.U.update.name`, …) get the channels' `.<action>` twins; session events
 * do not.
 */
import type { RealtimeEvent } from '../../realtime/events.ts';
import { resourceEvent } from '../../realtime/resource-events.ts';
import { sessionModel } from '../sessions/session-model.ts';
import type { SessionRecord } from '../sessions/sessions.service.ts';
import { userModel, type User } from './user-model.ts';

/** What changed: `create`, `delete`, or `update.<name|password|prefs|status|labels|verification>`. */
export type UserChange = 'create' | 'delete' | `update.${'name' | 'password' | 'prefs' | 'status' | 'labels' | 'verification'}`;

const accountChannels = (userId: string) => ['account', `account.${userId}`];

export function userEvent(change: UserChange, user: User): RealtimeEvent {
  return resourceEvent({
    pattern: `users.[userId].${change}`, params: { userId: user.id },
    channels: accountChannels(user.id), payload: userModel(user), roles: [`user:${user.id}`],
  });
}

export function sessionEvent(action: 'create' | 'delete', session: SessionRecord): RealtimeEvent {
  return resourceEvent({
    pattern: `users.[userId].sessions.[sessionId].${action}`, params: { userId: session.userId, sessionId: session.id },
    channels: accountChannels(session.userId), payload: sessionModel(session, { current: false }), roles: [`user:${session.userId}`], twins: false,
  });
}
