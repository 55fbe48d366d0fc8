// A documented API route: its OpenAPI description and its handler in one object, with role checks.
import { AppError, invalidFromZod } from '../../protocol/errors.js';
import type { Actor } from '../../protocol/events/event.js';
import type { ZodType } from 'zod';
import type { HttpReply, HttpRequest, HttpServer } from './http-types.js';
import type { ApiRouteDoc } from './openapi-types.js';

/** Turns a bearer token into the acting staff member; throws UNAUTHENTICATED. */
export interface Authenticator {
  verify(accessToken: string): Promise<Actor> | Actor;
}

export interface ApiRoute extends ApiRouteDoc {
  /** Roles allowed (undefined: public); `devices` lets paired devices of those kinds in with their token. */
  handler: (req: HttpRequest, actor: Actor | null) => Promise<HttpReply> | HttpReply;
}

export function bearerToken(req: HttpRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export async function authenticate(req: HttpRequest, auth: Authenticator): Promise<Actor> {
  const token = bearerToken(req);
  if (!token) throw new AppError('UNAUTHENTICATED', 'sign in first: missing "Authorization: Bearer <token>"');
  return auth.verify(token);
}

/** Turns a paired device's token (`cdv_…`) into the device; throws UNAUTHENTICATED. */
export interface DeviceAuthenticator {
  isDeviceToken(token: string): boolean;
  verify(token: string): { deviceId: string; kind: string };
}

export function registerApiRoutes(
  server: HttpServer,
  routes: readonly ApiRoute[],
  auth: Authenticator,
  devices?: DeviceAuthenticator,
): void {
  for (const route of routes) {
    server.route({
      method: route.method,
      path: route.path,
      handler: async (req) => {
        if (!route.roles || route.roles.length === 0) return route.handler(req, null);
        const token = bearerToken(req);
        if (token && devices?.isDeviceToken(token)) {
          const device = devices.verify(token);
          if (!route.devices?.includes(device.kind)) {
            throw new AppError('FORBIDDEN', `a ${device.kind} device may not call this: sign in as staff`);
          }
          return route.handler(req, { kind: 'device', deviceId: device.deviceId });
        }
        const actor = await authenticate(req, auth);
        if (actor.kind !== 'staff' || !route.roles.includes(actor.role)) {
          throw new AppError('FORBIDDEN', `this needs one of: ${route.roles.join(', ')}`);
        }
        return route.handler(req, actor);
      },
    });
  }
}

/** Parses a body or query at the edge; a failure names the failing path. */
export function parseWith<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidFromZod(parsed.error, what);
  return parsed.data;
}
