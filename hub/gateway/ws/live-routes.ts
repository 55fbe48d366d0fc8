// HTTP routes of the live LAN: a diner joins a table by its code (public), managers pair a device and
// see who is connected (presence, and kitchen stations with no screen online).
import {
  dinerJoinRequestSchema,
  dinerJoinResponseSchema,
  pairDeviceRequestSchema,
  pairDeviceResponseSchema,
  presenceViewSchema,
  type PresenceView,
} from '../../../protocol/live-api.js';
import { z } from 'zod';
import type { CommandResult } from '../../../protocol/commands/command.js';
import { AppError } from '../../../protocol/errors.js';
import type { Actor } from '../../../protocol/events/event.js';
import type { DinerTokenService } from '../../app/auth/diner-token-service.js';
import type { DeviceTokenService } from '../../app/auth/device-token-service.js';
import type { HubDatabase } from '../../store/database.js';
import { listActiveStations, listDevices } from '../../store/live-lookups.js';
import { parseWith, type ApiRoute } from '../api-route.js';
import { replyForResult } from '../routes/command-routes.js';
import type { LiveBus, LiveCore } from './live-core.js';
import type { JoinGuard } from './join-guard.js';

const MANAGERS = ['ADMIN', 'MANAGER'] as const;
const unpairDeviceResponseSchema = z.object({
  deviceId: z.string(),
  revokedTokens: z.number().int(),
  closedSockets: z.number().int(),
});
/** A QR join has no signed-in actor; the hub acts for the table. */
const QR_JOIN: Actor = { kind: 'system', name: 'qr-join' };

export interface LiveRouteDeps {
  db: HubDatabase;
  bus: LiveBus;
  live: LiveCore;
  diners: DinerTokenService;
  devices: DeviceTokenService;
  joinGuard: JoinGuard;
}

export function presenceView(db: HubDatabase, live: LiveCore): PresenceView {
  const { devices, stationScreens } = live.presence();
  const stations = listActiveStations(db.read).map((s) => ({
    stationId: s.id,
    name: s.name,
    screensOnline: stationScreens.get(s.id) ?? 0,
  }));
  return {
    connections: live.countByKind(),
    devices: listDevices(db.read).map((d) => {
      const seen = devices.get(d.id);
      return {
        deviceId: d.id,
        kind: d.kind,
        name: d.name,
        station: d.station,
        online: (seen?.connections ?? 0) > 0,
        connections: seen?.connections ?? 0,
        lastSeenAt: seen?.lastSeenAt ?? null,
      };
    }),
    stations,
    stationsWithoutScreen: stations.filter((s) => s.screensOnline === 0).map((s) => s.stationId),
  };
}

export function liveRoutes(deps: LiveRouteDeps): ApiRoute[] {
  const { bus, live } = deps;
  const ok = (r: CommandResult): r is Extract<CommandResult, { ok: true }> => r.ok;
  return [
    {
      method: 'POST',
      path: '/api/diner/join',
      summary: 'A diner joins the open session of a table by its QR join code; returns a table token',
      description:
        'The token opens `/ws` for this session only (menu, own session, add items, submit a round, call the waiter, ' +
        'request the check) and stops working when the session closes. `commandId` makes a resend safe.',
      tags: ['live'],
      request: dinerJoinRequestSchema,
      response: dinerJoinResponseSchema,
      errors: ['INVALID', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE'],
      handler: async (req) => {
        const body = parseWith(dinerJoinRequestSchema, req.body, 'join');
        const limited = deps.joinGuard.check(req.remoteAddress, body.joinCode);
        if (limited) {
          req.log.warn({ remoteAddress: req.remoteAddress }, 'diner join rate limited');
          return limited;
        }
        const { commandId, ...payload } = body;
        const result = await bus.execute(
          { commandId, type: 'JoinSession', payload },
          { actor: QR_JOIN, requestId: req.requestId },
        );
        if (!ok(result)) return replyForResult(result);
        const data = result.data as { sessionId: string; dinerId: string; tableId: string; seat: number };
        const token = await deps.diners.issue({ sessionId: data.sessionId, dinerId: data.dinerId });
        return { body: { ...data, token, seq: result.seq } };
      },
    },
    {
      method: 'POST',
      path: '/api/devices/pair',
      summary: 'Register (or re-register) a kitchen screen, tablet or printer and issue its device token',
      description:
        'Runs RegisterDevice, then issues a token stored only as a hash. Pairing the same device again replaces ' +
        'its token and closes the sockets opened with the old one.',
      tags: ['live'],
      roles: MANAGERS,
      request: pairDeviceRequestSchema,
      response: pairDeviceResponseSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT'],
      handler: async (req, actor) => {
        const body = parseWith(pairDeviceRequestSchema, req.body, 'pairing');
        const { commandId, station, ...rest } = body;
        const result = await bus.execute(
          { commandId, type: 'RegisterDevice', payload: { ...rest, station: station ?? null } },
          { actor: actor!, requestId: req.requestId },
        );
        if (!ok(result)) return replyForResult(result);
        const deviceId = (result.data as { deviceId: string }).deviceId;
        const token = deps.devices.pair(deviceId);
        live.revokeDevice(deviceId);
        req.log.info({ deviceId }, 'device paired');
        return { body: { deviceId, token, seq: result.seq } };
      },
    },
    {
      method: 'POST',
      path: '/api/devices/:deviceId/unpair',
      summary: 'Unpair a device: its token stops working and its open sockets close at once (4001)',
      description:
        'For a lost or stolen tablet or a screen taken out of service. The device stays registered; pairing it ' +
        'again issues a new token.',
      tags: ['live'],
      roles: MANAGERS,
      response: unpairDeviceResponseSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'],
      handler: (req) => {
        const deviceId = req.params.deviceId ?? '';
        if (!listDevices(deps.db.read).some((d) => d.id === deviceId)) {
          throw new AppError('NOT_FOUND', `device ${deviceId} not found`);
        }
        // Token first, sockets second: a socket reconnecting in between is refused at upgrade.
        const revokedTokens = deps.devices.unpair(deviceId);
        const closedSockets = live.unpairDevice(deviceId);
        req.log.info({ deviceId, revokedTokens, closedSockets }, 'device unpaired');
        return { body: { deviceId, revokedTokens, closedSockets } };
      },
    },
    {
      method: 'GET',
      path: '/api/devices/presence',
      summary: 'Connected screens and tablets, and kitchen stations with no screen online',
      tags: ['live'],
      roles: MANAGERS,
      response: presenceViewSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: presenceView(deps.db, live) }),
    },
  ];
}
