// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../shared/i18n.js';
import type { CheckLine } from './hub-types.js';
import { SplitEditor } from './SplitEditor.js';
import { en, es } from './texts.js';

afterEach(cleanup);

// Check lines as GET /api/sessions/:id sends them.
const line = (itemId: string, name: string, qty: number, grossCents: number): CheckLine => ({
  itemId,
  productId: `prod-${itemId}`,
  name,
  qty,
  unitPriceCents: grossCents / qty,
  modifiersCents: 0,
  taxRateBp: 1000,
  dinerId: null,
  seat: null,
  status: 'SERVED',
  grossCents,
  discountCents: 0,
  netCents: grossCents,
});
const lines = [line('cana', 'Caña de cerveza', 2, 600), line('bife', 'Bife de chorizo', 1, 2600)];

function renderEditor() {
  globalThis.localStorage?.setItem('comanda.lang', 'es');
  const onApply = vi.fn();
  render(
    <I18nProvider dictionaries={{ es, en }} currency="EUR">
      <SplitEditor lines={lines} guests={2} current={null} onApply={onApply} />
    </I18nProvider>,
  );
  return onApply;
}

describe('choosing how to split the check', () => {
  it('equal parts send the number of parts', () => {
    const onApply = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'A partes iguales' }));
    fireEvent.click(screen.getByRole('button', { name: 'Uno más' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dividir la cuenta' }));
    expect(onApply).toHaveBeenCalledWith({ mode: 'EQUAL', parts: 3 });
  });

  it('by item: every unit must go to a check, and a line of two beers can go to two people', () => {
    const onApply = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Por plato' }));
    const apply = screen.getByRole('button', { name: 'Dividir la cuenta' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Parte 1' }));
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Parte 2' }));
    fireEvent.click(within(rows[2]!).getByRole('button', { name: 'Parte 2' }));
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    expect(onApply).toHaveBeenCalledWith({
      mode: 'BY_ITEM',
      assignments: [
        { itemId: 'cana', shareKey: 'part-1', qty: 1 },
        { itemId: 'cana', shareKey: 'part-2', qty: 1 },
        { itemId: 'bife', shareKey: 'part-2', qty: 1 },
      ],
    });
  });

  it('by seat needs no more choices', () => {
    const onApply = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Por comensal' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dividir la cuenta' }));
    expect(onApply).toHaveBeenCalledWith({ mode: 'BY_SEAT' });
  });
});
