// PIN hashes are in the event log (StaffCreated, StaffUpdated) because the hub rebuilds its staff table
// from it, but no reader gets them: 4-digit PINs fall to 10,000 guesses against a hash, so a manager who
// read the admin's hash could sign in as the admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

describe('PIN hashes never leave the hub', () => {
  it.each(['ADMIN', 'MANAGER'] as const)(
    'GET /api/events as %s has the staff events without pinHash',
    async (role) => {
      const res = await t.fetchJson('/api/events?after=0&limit=1000', { token: t.tokens[role] });
      expect(res.status).toBe(200);
      const events = (res.body as { events: Array<{ type: string; data: Record<string, unknown> }> }).events;
      const staff = events.filter((e) => e.type === 'StaffCreated');
      expect(staff.length).toBeGreaterThanOrEqual(5);
      expect(staff[0]!.data).toMatchObject({ staffId: expect.any(String), role: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/pinHash|argon2/);
    },
  );

  it('nor does the staff list', async () => {
    const res = await t.fetchJson('/api/staff', { token: t.tokens.ADMIN });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/pinHash|argon2/);
  });
});
