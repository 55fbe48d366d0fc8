// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../shared/i18n.js';
import type { MenuView } from './hub-types.js';
import { MenuPanel } from './MenuPanel.js';
import { product } from './test-menu.js';
import { en, es } from './texts.js';

afterEach(cleanup);

// The shape GET /api/menu answers, with three of the demo branch's dishes.
const menu: MenuView = {
  catalogVersion: 1,
  currency: 'EUR',
  stations: [],
  categories: [
    {
      id: 'cat-mains',
      name: { es: 'Principales', en: 'Mains' },
      products: [
        product({ id: 'prod-entrecot', es: 'Entrecot a la brasa', priceCents: 2400 }),
        product({ id: 'prod-burger', es: 'Hamburguesa de la casa', allergens: ['gluten', 'milk'] }),
        product({ id: 'prod-lubina', es: 'Lubina a la plancha', allergens: ['fish'], stockCount: 2 }),
        product({ id: 'prod-pulpo', es: 'Pulpo a la gallega', available: false }),
      ],
    },
  ],
};

function renderMenu(onPick = vi.fn()) {
  globalThis.localStorage?.setItem('comanda.lang', 'es');
  render(
    <I18nProvider dictionaries={{ es, en }} currency="EUR">
      <MenuPanel menu={menu} onPick={onPick} />
    </I18nProvider>,
  );
  return onPick;
}

const dish = (name: RegExp) => screen.queryByRole('button', { name });

describe('the menu on the table screen', () => {
  it("greys out an 86'd dish and shows how many are left of a counted one", () => {
    const onPick = renderMenu();
    const pulpo = dish(/Pulpo a la gallega/) as HTMLButtonElement;
    expect(pulpo.disabled).toBe(true);
    expect(pulpo.textContent).toContain('Agotado');
    expect(dish(/Lubina/)?.textContent).toContain('Quedan 2');
    fireEvent.click(pulpo);
    expect(onPick).not.toHaveBeenCalled();
    fireEvent.click(dish(/Entrecot/)!);
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 'prod-entrecot' }));
  });

  it('the allergen filter hides every dish containing a chosen allergen', () => {
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: /Sin alérgenos/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Gluten' }));
    expect(dish(/Hamburguesa/)).toBeNull();
    expect(dish(/Lubina/)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pescado' }));
    expect(dish(/Lubina/)).toBeNull();
    expect(dish(/Entrecot/)).not.toBeNull();
  });

  it('search matches either language, and an empty result offers to clear the filters', () => {
    renderMenu();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByText('Ningún plato coincide.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    expect(dish(/Entrecot/)).not.toBeNull();
  });
});
