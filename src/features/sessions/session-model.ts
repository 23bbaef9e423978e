import { toApiDate } from '../../lib/dates.ts';
import type { SessionRecord } from './sessions.service.ts';

/** Appwrite's Session model. `secret` is only filled for API-key callers (server-side rendering). */
export function sessionModel(s: SessionRecord, options: { current: boolean; secret?: string }) {
  return {
    $id: s.id, $createdAt: toApiDate(s.createdAt)!, $updatedAt: toApiDate(s.createdAt)!, userId: s.userId,
    expire: toApiDate(s.expire)!, provider: s.provider, providerUid: '', providerAccessToken: '',
    providerAccessTokenExpiry: '', providerRefreshToken: '', ip: s.ip, osCode: '', osName: '', osVersion: '',
    clientType: '', clientCode: '', clientName: '', clientVersion: '', clientEngine: '', clientEngineVersion: '',
    deviceName: '', deviceBrand: '', deviceModel: '', countryCode: '--', countryName: 'Unknown', current: options.current,
    factors: s.provider === 'anonymous' ? ['anonymous'] : ['password'], secret: options.secret ?? '', mfaUpdatedAt: '',
  };
}
