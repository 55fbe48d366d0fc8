// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandOutcome } from '../../../shared/command-queue.js';
import { adminHarness, type SentCommand } from '../admin-test-kit.js';

function renderAdmin(ui: ReactElement, answer?: (cmd: SentCommand) => CommandOutcome) {
  const harness = adminHarness(answer);
  render(harness.wrap(ui));
  return harness;
}
import { PinResetForm } from './PinResetForm.js';
import { StaffForm } from './StaffForm.js';

afterEach(cleanup);

const sectors = [
  { id: 'sector-salon', name: 'Salón', position: 0, active: true },
  { id: 'sector-terraza', name: 'Terraza', position: 1, active: true },
];

describe('StaffForm', () => {
  it('asks for a valid PIN before creating anyone', async () => {
    const { sent } = renderAdmin(<StaffForm sectors={sectors} onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: 'Carla' } });
    fireEvent.change(screen.getByLabelText('PIN inicial'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear' }));
    expect(await screen.findByText('De 4 a 8 cifras')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("puts the hub's FORBIDDEN beside the role, in the manager's language", async () => {
    renderAdmin(<StaffForm sectors={sectors} onClose={() => {}} />, () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'only an admin may create a ADMIN' },
    }));
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: 'Carla' } });
    fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'ADMIN' } });
    fireEvent.change(screen.getByLabelText('PIN inicial'), { target: { value: '6789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear' }));
    expect(await screen.findByText('Tu rol no lo permite (only an admin may create a ADMIN)')).toBeTruthy();
    expect(screen.getByLabelText('Rol').getAttribute('aria-invalid')).toBe('true');
  });

  it('creates a waiter, then assigns the sectors to the id the hub gave', async () => {
    const onClose = vi.fn();
    const { sent } = renderAdmin(<StaffForm sectors={sectors} onClose={onClose} />, (cmd) =>
      cmd.type === 'CreateStaff'
        ? { ok: true, data: { staffId: 'staff-new-1' }, seq: 10 }
        : { ok: true, data: {}, seq: 11 },
    );
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: ' Carla ' } });
    fireEvent.change(screen.getByLabelText('PIN inicial'), { target: { value: '6789' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Terraza' }));
    fireEvent.click(screen.getByRole('button', { name: 'Crear' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([
      { type: 'CreateStaff', payload: { name: 'Carla', role: 'WAITER', pin: '6789' } },
      { type: 'AssignSectors', payload: { staffId: 'staff-new-1', sectorIds: ['sector-terraza'] } },
    ]);
  });

  it('sends only what changed when editing', async () => {
    const onClose = vi.fn();
    const member = {
      id: 'staff-luis',
      name: 'Luis',
      role: 'WAITER' as const,
      active: true,
      sectorIds: ['sector-salon'],
    };
    const { sent } = renderAdmin(<StaffForm member={member} sectors={sectors} onClose={onClose} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Puede entrar/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([{ type: 'UpdateStaff', payload: { staffId: 'staff-luis', active: false } }]);
  });
});

describe('PinResetForm', () => {
  it('wants the new PIN twice, the same', async () => {
    const onClose = vi.fn();
    const member = { id: 'staff-luis', name: 'Luis', role: 'WAITER' as const, active: true, sectorIds: [] };
    const { sent } = renderAdmin(<PinResetForm member={member} onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('Nuevo PIN'), { target: { value: '4321' } });
    fireEvent.change(screen.getByLabelText('Repite el PIN'), { target: { value: '4322' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cambiar PIN' }));
    expect(await screen.findByText('Los dos PIN no coinciden')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText('Repite el PIN'), { target: { value: '4321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cambiar PIN' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([{ type: 'ResetStaffPin', payload: { staffId: 'staff-luis', pin: '4321' } }]);
  });
});
