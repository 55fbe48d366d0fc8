// Staff sign-in with a PIN: login, token refresh, logout, and the list of names for the login screen.
import { z } from 'zod';
import {
  loginRequestSchema,
  logoutRequestSchema,
  refreshRequestSchema,
  sessionTokensSchema,
} from '../../../protocol/api-views.js';
import { roleSchema } from '../../../protocol/domain-values.js';
import { AppError } from '../../../protocol/errors.js';
import { bearerToken, parseWith, type ApiRoute, type Authenticator } from '../api-route.js';

type Tokens = z.infer<typeof sessionTokensSchema>;

/** What the gateway needs of the auth service (hub/app/auth). */
export interface StaffAuth extends Authenticator {
  login(input: { staffId: string; pin: string; remoteAddress: string }): Promise<Tokens>;
  refresh(input: { refreshToken: string }): Promise<Tokens>;
  logout(input: { accessToken: string; refreshToken?: string }): Promise<void> | void;
  listLoginStaff(): Array<{ id: string; name: string; role: string }>;
}

export function authRoutes(auth: StaffAuth): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/auth/staff',
      summary: 'Active staff (name and role) for the "who are you?" screen',
      tags: ['auth'],
      response: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
      handler: () => ({ body: auth.listLoginStaff() }),
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Sign in with a staff id and PIN; returns a short-lived access token and a refresh token',
      description:
        'Rate limited: 5 failed attempts a minute per staff member and per address (a sign-in that succeeds does ' +
        'not count); above it 429 with `Retry-After`.',
      tags: ['auth'],
      request: loginRequestSchema,
      response: sessionTokensSchema,
      errors: ['INVALID', 'UNAUTHENTICATED', 'RATE_LIMITED'],
      handler: async (req) => {
        const body = parseWith(loginRequestSchema, req.body, 'login');
        return { body: await auth.login({ ...body, remoteAddress: req.remoteAddress }) };
      },
    },
    {
      method: 'POST',
      path: '/api/auth/refresh',
      summary: 'Trade a refresh token for new tokens (the old refresh token stops working)',
      tags: ['auth'],
      request: refreshRequestSchema,
      response: sessionTokensSchema,
      errors: ['INVALID', 'UNAUTHENTICATED'],
      handler: async (req) => ({
        body: await auth.refresh(parseWith(refreshRequestSchema, req.body, 'refresh')),
      }),
    },
    {
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'Sign out: the access and refresh tokens stop working at once',
      tags: ['auth'],
      request: logoutRequestSchema,
      errors: ['INVALID', 'UNAUTHENTICATED'],
      handler: async (req) => {
        const accessToken = bearerToken(req);
        if (!accessToken) throw new AppError('UNAUTHENTICATED', 'sign in first: missing bearer token');
        await auth.verify(accessToken);
        const body = parseWith(logoutRequestSchema, req.body ?? {}, 'logout');
        await auth.logout(
          body.refreshToken ? { accessToken, refreshToken: body.refreshToken } : { accessToken },
        );
        return { status: 204 };
      },
    },
  ];
}
