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
import type { CommandResult } from '../../../protocol/commands/command.js';
import type { Actor } from '../../../protocol/events/event.js';
import type { DinerTokenService } from '../../app/auth/diner-token-service.js';
import type { DeviceTokenService } from '../../app/auth/device-token-service.js';
import type { HubDatabase } from '../../store/database.js';
import { listActiveStations, listDevices } from '../../store/live-lookups.js';
import { parseWith, type ApiRoute } from '../api-route.js';
import { replyForResult } from '../routes/command-routes.js';
import type { LiveBus, LiveCore } from './live-core.js';

const MANAGERS = ['ADMIN', 'MANAGER'] as const;
/** A QR join has no signed-in actor; the hub acts for the table. */
const QR_JOIN: Actor = { kind: 'system', name: 'qr-join' };

export interface LiveRouteDeps {
  db: HubDatabase;
  bus: LiveBus;
  live: LiveCore;
  diners: DinerTokenService;
  devices: DeviceTokenService;
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
      errors: ['INVALID', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'],
      handler: async (req) => {
        const body = parseWith(dinerJoinRequestSchema, req.body, 'join');
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
