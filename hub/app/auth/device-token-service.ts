// Paired-device tokens for kitchen screens and tablets: long-lived random secrets, stored as sha256
// only. Pairing a device again retires its earlier token.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../protocol/errors.js';
import type { HubDatabase } from '../../store/database.js';
import {
  findPairedDevice,
  insertDeviceToken,
  revokeDeviceTokens,
  type PairedDevice,
} from '../../store/device-token-store.js';

/** Device tokens start with this, so support staff can tell them from staff JWTs at a glance. */
export const DEVICE_TOKEN_PREFIX = 'cdv_';

export interface DeviceTokenService {
  /** Issues a new token for a registered device and revokes the ones it had. */
  pair(deviceId: string): string;
  verify(token: string): PairedDevice;
  /** Retires every token of the device (unpairing); returns how many were live. */
  unpair(deviceId: string): number;
}

export const deviceTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function isDeviceToken(token: string): boolean {
  return token.startsWith(DEVICE_TOKEN_PREFIX);
}

export function createDeviceTokenService(
  db: HubDatabase,
  now: () => Date = () => new Date(),
): DeviceTokenService {
  return {
    pair(deviceId) {
      const token = DEVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const at = now().toISOString();
      db.write.transaction(() => {
        revokeDeviceTokens(db.write, deviceId, at);
        insertDeviceToken(db.write, {
          id: randomUUID(),
          deviceId,
          tokenHash: deviceTokenHash(token),
          createdAt: at,
        });
      })();
      return token;
    },
    unpair(deviceId) {
      return revokeDeviceTokens(db.write, deviceId, now().toISOString());
    },
    verify(token) {
      if (!isDeviceToken(token) || token.length > 200)
        throw new AppError('UNAUTHENTICATED', 'device token is malformed');
      const found = findPairedDevice(db.read, deviceTokenHash(token));
      if (!found)
        throw new AppError('UNAUTHENTICATED', 'device token is not valid or was replaced by a new pairing');
      return found;
    },
  };
}
