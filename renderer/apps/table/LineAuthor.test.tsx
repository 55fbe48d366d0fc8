// @vitest-environment happy-dom
// Who added a line of the shared order, as the phones show it: "You", another guest by name (or seat),
// or the waiter.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DinerLine } from '../../../protocol/diner-api.js';
import { I18nProvider } from '../../shared/i18n.js';
import { LineAuthor } from './LineAuthor.js';
import { passesFilter } from './allergens.js';
import { joinCodeFromPath } from './table-runtime.js';
import { en, es } from './texts.js';

afterEach(cleanup);

const line = (over: Partial<DinerLine>): DinerLine => ({
  id: 'i1',
  productId: 'p1',
  name: { es: 'Bravas', en: 'Bravas' },
  qty: 1,
  unitPriceCents: 650,
  modifiers: [],
  notes: '',
  course: 'starter',
  status: 'PENDING',
  lineTotalCents: 650,
  addedBy: null,
  mine: false,
  ...over,
});

function show(l: DinerLine) {
  localStorage.setItem('comanda.lang', 'en');
  render(
    <I18nProvider dictionaries={{ es, en }}>
      <LineAuthor line={l} />
    </I18nProvider>,
  );
}

describe('LineAuthor', () => {
  it('says "You" on your own lines', () => {
    show(line({ mine: true, addedBy: { kind: 'diner', dinerId: 'd1', name: 'Eva', seat: 1 } }));
    expect(screen.getByText('You')).toBeTruthy();
  });

  it('names another guest, or their seat when they gave no name', () => {
    show(line({ addedBy: { kind: 'diner', dinerId: 'd2', name: 'Tom', seat: 2 } }));
    expect(screen.getByText('Tom')).toBeTruthy();
    cleanup();
    show(line({ addedBy: { kind: 'diner', dinerId: 'd3', name: null, seat: 3 } }));
    expect(screen.getByText('Guest 3')).toBeTruthy();
  });

  it('marks a line the waiter added', () => {
    show(line({ addedBy: { kind: 'staff', name: 'Luis' } }));
    expect(screen.getByText('Luis (waiter)')).toBeTruthy();
  });
});

describe('menu helpers', () => {
  it('the allergen filter hides a dish with any avoided allergen', () => {
    expect(passesFilter(['eggs', 'gluten'], new Set(['gluten']))).toBe(false);
    expect(passesFilter(['eggs'], new Set(['gluten']))).toBe(true);
    expect(passesFilter([], new Set(['gluten', 'milk']))).toBe(true);
  });

  it('reads the join code from /t/<code>', () => {
    expect(joinCodeFromPath('/t/ab12cd')).toBe('AB12CD');
    expect(joinCodeFromPath('/t/AB12CD/')).toBe('AB12CD');
  });
});
