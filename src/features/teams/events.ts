/**
 * Realtime events of teams and memberships (APPWRITE-REFERENCE-2 §D.4): team events on `teams` and
 * `teams.<teamId>`, membership events on `memberships` and `memberships.<membershipId>`, both
 * received by the team's members (`team:<teamId>`).
 */
import type { RealtimeEvent } from '../../realtime/events.ts';
import { resourceEvent } from '../../realtime/resource-events.ts';
import { membershipModel, teamModel, type Membership, type Team } from './team-model.ts';

export type TeamChange = 'create' | 'update' | 'delete';

export function teamEvent(change: TeamChange, team: Team): RealtimeEvent {
  return resourceEvent({
    pattern: `teams.[teamId].${change}`, params: { teamId: team.id },
    channels: ['teams', `teams.${team.id}`], payload: teamModel(team), roles: [`team:${team.id}`],
  });
}

export function membershipEvent(change: TeamChange, m: Membership, names: Parameters<typeof membershipModel>[1]): RealtimeEvent {
  return resourceEvent({
    pattern: `teams.[teamId].memberships.[membershipId].${change}`, params: { teamId: m.teamId, membershipId: m.id },
    channels: ['memberships', `memberships.${m.id}`], payload: membershipModel(m, names), roles: [`team:${m.teamId}`],
  });
}
