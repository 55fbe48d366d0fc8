// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../shared/i18n.js';
import { DiscountDialog } from './DiscountDialog.js';
import { DiscountList } from './DiscountList.js';
import type { PaymentView } from './hub-types.js';
import { RefundDialog } from './RefundDialog.js';
import { en, es } from './texts.js';
import { VoidItemDialog } from './VoidItemDialog.js';

afterEach(cleanup);

function inSpanish(ui: ReactNode) {
  globalThis.localStorage?.setItem('comanda.lang', 'es');
  render(
    <I18nProvider dictionaries={{ es, en }} currency="EUR">
      {ui}
    </I18nProvider>,
  );
}

const button = (name: RegExp | string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const reason = () => screen.getByLabelText('Motivo');

describe('voiding a dish', () => {
  it('needs a reason before it can run', () => {
    const onVoid = vi.fn();
    inSpanish(<VoidItemDialog dish="Flan" onClose={() => {}} onVoid={onVoid} />);
    expect(button('Anular plato').disabled).toBe(true);
    fireEvent.change(reason(), { target: { value: '   ' } });
    expect(button('Anular plato').disabled).toBe(true);
    fireEvent.change(reason(), { target: { value: ' Marcado por error ' } });
    fireEvent.click(button('Anular plato'));
    expect(onVoid).toHaveBeenCalledWith('Marcado por error');
  });
});

describe('giving a discount', () => {
  it('a percentage goes out as basis points', () => {
    const onApply = vi.fn();
    inSpanish(<DiscountDialog tableLabel="5" onClose={() => {}} onApply={onApply} />);
    fireEvent.change(screen.getByLabelText('Porcentaje (%)'), { target: { value: '10' } });
    expect(button('Aplicar descuento').disabled).toBe(true);
    fireEvent.change(reason(), { target: { value: 'Cliente habitual' } });
    fireEvent.click(button('Aplicar descuento'));
    expect(onApply).toHaveBeenCalledWith({ kind: 'PERCENT', value: 1000, reason: 'Cliente habitual' });
  });

  it('an amount typed in euros goes out as exact cents', () => {
    const onApply = vi.fn();
    inSpanish(<DiscountDialog tableLabel="5" onClose={() => {}} onApply={onApply} />);
    fireEvent.click(button('Importe'));
    fireEvent.change(screen.getByLabelText('Importe'), { target: { value: '4,35' } });
    fireEvent.change(reason(), { target: { value: 'Espera larga' } });
    fireEvent.click(button('Aplicar descuento'));
    expect(onApply).toHaveBeenCalledWith({ kind: 'AMOUNT', value: 435, reason: 'Espera larga' });
  });

  it('says so when a percentage is over 100', () => {
    inSpanish(<DiscountDialog tableLabel="5" onClose={() => {}} onApply={() => {}} />);
    fireEvent.change(screen.getByLabelText('Porcentaje (%)'), { target: { value: '120' } });
    fireEvent.change(reason(), { target: { value: 'x' } });
    expect(button('Aplicar descuento').disabled).toBe(true);
    expect(screen.getByText(/entre 0,01 y 100/)).toBeTruthy();
  });
});

describe('refunding a payment', () => {
  const payment: PaymentView = {
    id: 'pay-1',
    sessionId: 's1',
    shareKey: null,
    method: 'CASH',
    amountCents: 3000,
    tipCents: 0,
    refundedCents: 1000,
    status: 'CAPTURED',
  };

  it('offers what is still refundable and sends the amount typed', () => {
    const onRefund = vi.fn();
    inSpanish(<RefundDialog payment={payment} onClose={() => {}} onRefund={onRefund} />);
    const amount = screen.getByLabelText('Importe a devolver') as HTMLInputElement;
    expect(amount.value).toBe('20,00');
    fireEvent.change(amount, { target: { value: '7,5' } });
    expect(button(/Devolver 7,50/).disabled).toBe(true); // no reason yet
    fireEvent.change(reason(), { target: { value: 'Plato frío' } });
    fireEvent.click(button(/Devolver 7,50/));
    expect(onRefund).toHaveBeenCalledWith({ amountCents: 750, reason: 'Plato frío' });
  });

  it('refuses more than what is left to refund', () => {
    inSpanish(<RefundDialog payment={payment} onClose={() => {}} onRefund={() => {}} />);
    fireEvent.change(screen.getByLabelText('Importe a devolver'), { target: { value: '20,01' } });
    fireEvent.change(reason(), { target: { value: 'x' } });
    expect(button(/Devolver 20,01/).disabled).toBe(true);
    expect(screen.getByText(/No puede superar lo que queda/)).toBeTruthy();
  });
});

describe('the discounts on the check', () => {
  const discounts = [{ id: 'd1', kind: 'PERCENT' as const, value: 1000, reason: 'Cliente habitual' }];

  it('a manager can take one off while the check is editable', () => {
    const onRemove = vi.fn();
    inSpanish(<DiscountList discounts={discounts} canRemove onRemove={onRemove} />);
    expect(screen.getByText('−10 %')).toBeTruthy();
    fireEvent.click(button('Quitar'));
    expect(onRemove).toHaveBeenCalledWith(discounts[0]);
  });

  it('otherwise they are only listed', () => {
    inSpanish(<DiscountList discounts={discounts} canRemove={false} onRemove={() => {}} />);
    expect(screen.getByText('Cliente habitual')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Quitar' })).toBeNull();
  });
});
