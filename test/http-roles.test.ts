// Every route of the HTTP API, called as nobody and as each role: only the roles it lists get through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type DemoRole, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

const ROLES: DemoRole[] = ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN'];

describe('route permissions', () => {
  it('covers every documented route', () => {
    expect(t.hub.server.routes.length).toBeGreaterThan(50);
  });

  it('refuses a protected route without a token (401), with another role (403), lets its roles through', async () => {
    for (const route of t.hub.server.routes) {
      if (!route.roles || route.roles.length === 0) continue;
      const path = route.path.replace(/:([A-Za-z]+)/g, 'unknown-$1');
      const body = route.method === 'GET' ? undefined : {};
      const anonymous = await t.fetchJson(path, { method: route.method, body });
      expect(anonymous.status, `${route.method} ${route.path} without a token`).toBe(401);
      expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      for (const role of ROLES) {
        const r = await t.fetchJson(path, { method: route.method, body, token: t.tokens[role] });
        const label = `${route.method} ${route.path} as ${role}`;
        if (route.roles.includes(role)) expect([401, 403], label).not.toContain(r.status);
        else {
          expect(r.status, label).toBe(403);
          expect(r.body, label).toMatchObject({ code: 'FORBIDDEN' });
        }
      }
    }
  });

  it('answers public routes without a token', async () => {
    for (const path of ['/healthz', '/readyz', '/api/openapi.json', '/api/auth/staff']) {
      const r = await t.fetchJson(path);
      expect(r.status, path).toBe(200);
    }
  });

  it('every GET route answers with the success its docs give: a body where documented, 204 where not', async () => {
    const doc = (await t.fetchJson('/api/openapi.json')).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; security: unknown[]; 'x-roles'?: string[] }>
      >;
    };
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      // Path parameters need real ids; a token of its own kind (diner, device) is not a staff token.
      if (!get || path.includes('{') || (get.security.length > 0 && !get['x-roles'])) continue;
      const documented = Object.keys(get.responses).find((s) => s.startsWith('2'));
      const r = await t.fetchJson(path, { token: t.tokens.ADMIN });
      expect(String(r.status), `GET ${path}`).toBe(documented);
      if (documented === '200') expect(r.body, `GET ${path} has a body`).toBeTruthy();
      // Documented as public (no security): no token needed.
      if (get.security.length === 0)
        expect((await t.fetchJson(path)).status, `GET ${path} is documented as public`).not.toBe(401);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('rejects a forged token', async () => {
    const forged = t.tokens.WAITER.slice(0, -4) + 'AAAA';
    const r = await t.fetchJson('/api/floor', { token: forged });
    expect(r.status).toBe(401);
  });

  it('a waiter may not run a manager-only command even through the generic route', async () => {
    const r = await t.fetchJson('/api/commands', {
      token: t.tokens.WAITER,
      body: { commandId: 'w-void-1', type: 'VoidSession', payload: { sessionId: 'x', reason: 'test' } },
    });
    expect(r.status).toBe(403);
  });
});
