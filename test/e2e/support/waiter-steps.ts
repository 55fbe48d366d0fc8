// Steps the waiter app's browser tests share: sign a device in, seat a table, add dishes, and read or
// drive the hub through its API. The hub is started in each file's beforeAll, so the hub-bound steps
// take a getter rather than the hub itself.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HubUnderTest } from '../../support/running-hub.js';

interface StaffRow {
  id: string;
  name: string;
  role: string;
  sectorIds: string[];
}

/** GET /api/sessions/:id, as far as the browser tests look at it. */
export interface SessionView {
  session: { status: string };
  rounds: Array<{
    number: number;
    status: string;
    items: Array<{ id: string; productId: string; qty: number; notes: string; status: string }>;
  }>;
  check: { subtotalCents: number; discountCents: number; totalCents: number };
  discounts: Array<{ id: string; kind: string; value: number; reason: string }>;
  payments: Array<{ id: string; method: string; amountCents: number; refundedCents: number; status: string }>;
  paidCents: number;
}

/** The demo staff each role signs in as (see hub/app/demo-branch.ts). */
const STAFF_OF = {
  WAITER: 'staff-luis',
  MANAGER: 'staff-marta',
  KITCHEN: 'staff-jorge',
  ADMIN: 'staff-ana',
} as const;
/** What each app shows once signed in. */
const SIGNED_IN = { waiter: '.tile', kitchen: '.k-top', admin: '.shell' } as const;

export function hubSteps(getHub: () => HubUnderTest) {
  /**
   * Signs a device in with a token the test hub already holds. The hub allows five PIN logins a minute
   * per address and startTestHub uses four, so tests start signed in rather than typing PINs. The
   * waiter app by default; the kitchen display or the admin app when asked.
   */
  async function signedIn(
    context: BrowserContext,
    page: Page,
    role: keyof typeof STAFF_OF,
    app: keyof typeof SIGNED_IN = 'waiter',
  ): Promise<void> {
    const hub = getHub();
    const token = hub.tokens[role];
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    const staff = (
      (await hub.fetchJson('/api/staff', { token: hub.tokens.MANAGER })).body as StaffRow[]
    ).find((s) => s.id === STAFF_OF[role])!;
    const session = {
      accessToken: token,
      refreshToken: 'not-used-by-this-test',
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      staff: { id: staff.id, name: staff.name, role: staff.role, sectorIds: staff.sectorIds },
    };
    await context.addInitScript({
      content: `localStorage.setItem('comanda.${app}.session', ${JSON.stringify(JSON.stringify(session))});`,
    });
    await page.goto(`${hub.base}/${app}/`);
    await page.locator(SIGNED_IN[app]).first().waitFor();
  }

  async function session(id: string): Promise<SessionView> {
    const r = await getHub().fetchJson(`/api/sessions/${id}`, { token: getHub().tokens.MANAGER });
    expect(r.status).toBe(200);
    return r.body as SessionView;
  }

  async function command(type: string, payload: unknown, token: string): Promise<unknown> {
    const r = await getHub().fetchJson(`/api/commands/${type}`, {
      body: { commandId: randomUUID(), payload },
      token,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  }

  return { signedIn, session, command };
}

/** Taps a free table, picks the party size and opens it; returns the new session's id. */
export async function seat(page: Page, table: string, guests: number): Promise<string> {
  await page.locator(`[data-table="${table}"]`).click();
  await page
    .locator('.guest-grid')
    .getByRole('button', { name: String(guests), exact: true })
    .click();
  await page.getByRole('button', { name: /Abrir mesa con/ }).click();
  await page.locator('.menu-panel').waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/table/', ''));
}

/** Taps a dish, makes its choices, and adds it to the round being built. */
export async function addDish(
  page: Page,
  productId: string,
  opts: { choices?: string[]; seat?: number; notes?: string; allergy?: boolean; qty?: number } = {},
): Promise<void> {
  await page.locator(`[data-product="${productId}"]`).click();
  const dialog = page.getByRole('dialog');
  for (const choice of opts.choices ?? [])
    await dialog.getByRole('button', { name: new RegExp(`^${choice}`) }).click();
  if (opts.seat)
    await dialog
      .locator('fieldset', { hasText: 'Comensal' })
      .getByRole('button', { name: String(opts.seat), exact: true })
      .click();
  if (opts.notes) await dialog.locator('textarea').fill(opts.notes);
  if (opts.allergy) await dialog.getByRole('button', { name: /Alergia/ }).click();
  for (let i = 1; i < (opts.qty ?? 1); i++) await dialog.getByRole('button', { name: 'Uno más' }).click();
  await dialog.getByRole('button', { name: /Añadir/ }).click();
  await dialog.waitFor({ state: 'detached' });
}
