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
import type { Catalog, Product } from './catalog-types.js';
import { ProductForm } from './ProductForm.js';

afterEach(cleanup);

const croquetas: Product = {
  id: 'prod-croquetas',
  categoryId: 'cat-starters',
  name: { es: 'Croquetas de jamón', en: 'Ham croquettes' },
  description: { es: '', en: '' },
  basePriceCents: 850,
  priceCents: 850,
  station: 'grill',
  course: 'starter',
  taxRateBp: 1000,
  allergens: ['gluten', 'milk'],
  modifierGroups: [],
  active: true,
  available: true,
  stockCount: null,
};
const catalog: Catalog = {
  catalogVersion: 3,
  currency: 'EUR',
  stations: [{ id: 'grill', name: 'Parrilla', position: 0, active: true }],
  categories: [{ id: 'cat-starters', name: { es: 'Entrantes', en: 'Starters' }, position: 0, active: true }],
  products: [croquetas],
};

describe('ProductForm', () => {
  it('checks the price before sending anything and marks the field', async () => {
    const { sent } = renderAdmin(<ProductForm catalog={catalog} product={croquetas} onClose={() => {}} />);
    const price = screen.getByLabelText('Precio de carta');
    fireEvent.change(price, { target: { value: '8,5x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Importe no válido (ej. 12,50)')).toBeTruthy();
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('drops a field’s error once it is edited, and shows it again if the next save finds it still wrong', async () => {
    renderAdmin(<ProductForm catalog={catalog} product={croquetas} onClose={() => {}} />);
    const price = screen.getByLabelText('Precio de carta');
    fireEvent.change(price, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await screen.findByText('Importe no válido (ej. 12,50)');
    fireEvent.change(price, { target: { value: 'abcd' } });
    expect(screen.queryByText('Importe no válido (ej. 12,50)')).toBeNull();
    expect(price.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Importe no válido (ej. 12,50)')).toBeTruthy();
  });

  it("shows the hub's INVALID issue beside the field it names", async () => {
    const { sent } = renderAdmin(
      <ProductForm catalog={catalog} product={croquetas} onClose={() => {}} />,
      () => ({
        ok: false,
        error: {
          code: 'INVALID',
          message: 'command is invalid at payload.name.en',
          details: { issues: [{ path: 'payload.name.en', message: 'must not contain control characters' }] },
        },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('must not contain control characters')).toBeTruthy();
    expect(screen.getByLabelText('Nombre (inglés)').getAttribute('aria-invalid')).toBe('true');
    expect(sent.map((c) => c.type)).toEqual(['UpsertProduct']);
  });

  it('saves the product, then this branch’s own price, and closes', async () => {
    const onClose = vi.fn();
    const { sent } = renderAdmin(<ProductForm catalog={catalog} product={croquetas} onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('Precio de carta'), { target: { value: '9,75' } });
    fireEvent.change(screen.getByLabelText('Precio en este local'), { target: { value: '10,50' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Huevos' }));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([
      {
        type: 'UpsertProduct',
        payload: expect.objectContaining({
          productId: 'prod-croquetas',
          priceCents: 975,
          allergens: ['gluten', 'milk', 'eggs'],
        }),
      },
      { type: 'SetBranchPrice', payload: { productId: 'prod-croquetas', priceCents: 1050 } },
    ]);
  });
});
