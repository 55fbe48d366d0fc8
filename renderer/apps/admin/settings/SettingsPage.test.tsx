// @vitest-environment happy-dom
// The settings page against GET /api/admin/settings (fetch standing in for the hub) and the real command
// queue: an admin changes two fields and exactly those two go out in one UpdateBranchSettings; a wrong
// value is named beside its field and nothing is sent; a manager sees the settings but cannot change them.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { branchSettingsSchema } from '../../../../protocol/domain-values.js';
import { adminHarness } from '../admin-test-kit.js';
import { refreshNow } from '../data-freshness.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function signedInAs(role: 'ADMIN' | 'MANAGER') {
  localStorage.setItem(
    'comanda.admin-test.session',
    JSON.stringify({
      accessToken: 'token',
      refreshToken: 'refresh',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      staff: { id: 'staff-ana', name: 'Ana', role, sectorIds: [] },
    }),
  );
}

function hubWith(settings: object) {
  vi.stubGlobal('fetch', async (url: string) =>
    url === '/api/admin/settings'
      ? new Response(
          JSON.stringify({
            branchId: 'branch-demo',
            branchName: 'Centro',
            settings: branchSettingsSchema.parse(settings),
          }),
          { status: 200 },
        )
      : new Response(JSON.stringify({ code: 'NOT_FOUND', message: url }), { status: 404 }),
  );
}

describe('SettingsPage', () => {
  it('sends only the fields the admin changed', async () => {
    signedInAs('ADMIN');
    hubWith({ serviceChargeBp: 1000, serviceChargeMinGuests: 8 });
    const h = adminHarness();
    render(h.wrap(<SettingsPage />));
    const charge = await screen.findByLabelText('Cargo por servicio (%)');
    expect((charge as HTMLInputElement).value).toBe('10');
    fireEvent.click(screen.getByRole('button', { name: 'Directa a cocina' }));
    fireEvent.change(charge, { target: { value: '12,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar ajustes' }));
    await vi.waitFor(() => expect(h.sent).toHaveLength(1));
    expect(h.sent[0]).toEqual({
      type: 'UpdateBranchSettings',
      payload: { settings: { dinerRoundsNeedConfirmation: false, serviceChargeBp: 1250 } },
    });
  });

  it('keeps what is being typed when the page refetches unchanged settings (catalog events in service)', async () => {
    signedInAs('ADMIN');
    let reads = 0;
    vi.stubGlobal('fetch', async () => {
      reads++;
      return new Response(
        JSON.stringify({
          branchId: 'branch-demo',
          branchName: 'Centro',
          settings: branchSettingsSchema.parse({}),
        }),
        { status: 200 },
      );
    });
    render(adminHarness().wrap(<SettingsPage />));
    const escalation = (await screen.findByLabelText(
      'Avisar a todos los camareros tras (segundos)',
    )) as HTMLInputElement;
    fireEvent.change(escalation, { target: { value: '300' } });
    refreshNow();
    await vi.waitFor(() => expect(reads).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(escalation.value).toBe('300');
  });

  it('names a wrong value beside its field and sends nothing', async () => {
    signedInAs('ADMIN');
    hubWith({});
    const h = adminHarness();
    render(h.wrap(<SettingsPage />));
    const escalation = await screen.findByLabelText('Avisar a todos los camareros tras (segundos)');
    fireEvent.change(escalation, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar ajustes' }));
    expect(await screen.findByText('Entre 10 y 3600 segundos')).toBeTruthy();
    expect(h.sent).toHaveLength(0);
  });

  it('shows a manager the settings, read-only', async () => {
    signedInAs('MANAGER');
    hubWith({ timeZone: 'America/Mexico_City' });
    render(adminHarness().wrap(<SettingsPage />));
    const zone = (await screen.findByLabelText('Zona horaria')) as HTMLSelectElement;
    expect(zone.value).toBe('America/Mexico_City');
    expect(zone.closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Guardar ajustes' })).toBeNull();
    expect(screen.getByText(/Solo un administrador/)).toBeTruthy();
  });
});
