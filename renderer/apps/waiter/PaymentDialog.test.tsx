// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../shared/i18n.js';
import { PaymentDialog } from './PaymentDialog.js';
import { en, es } from './texts.js';

afterEach(cleanup);

function renderDialog(dueCents: number) {
  globalThis.localStorage?.setItem('comanda.lang', 'es');
  const onPay = vi.fn();
  render(
    <I18nProvider dictionaries={{ es, en }} currency="EUR">
      <PaymentDialog title="Cobrar" dueCents={dueCents} onClose={() => {}} onPay={onPay} />
    </I18nProvider>,
  );
  return onPay;
}

const submit = () => screen.getByRole('button', { name: /Registrar pago/ }) as HTMLButtonElement;

describe('taking a payment', () => {
  it('cash: shows the change for the note handed over and records what was tendered', () => {
    const onPay = renderDialog(3250);
    fireEvent.click(screen.getByRole('button', { name: 'Efectivo' }));
    fireEvent.change(screen.getByLabelText('Propina'), { target: { value: '2,50' } });
    fireEvent.click(screen.getByRole('button', { name: /50,00/ }));
    expect(screen.getByText('Cambio').parentElement?.textContent).toContain('15,00');
    fireEvent.click(submit());
    expect(onPay).toHaveBeenCalledWith({
      method: 'CASH',
      amountCents: 3250,
      tipCents: 250,
      tenderedCents: 5000,
      approvalCode: null,
      last4: null,
    });
  });

  it('card: needs the approval code and the last four digits from the slip', () => {
    const onPay = renderDialog(1200);
    expect(submit().disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Código de autorización'), { target: { value: 'A1B2C3' } });
    fireEvent.change(screen.getByLabelText('Últimos 4 dígitos'), { target: { value: '4242' } });
    fireEvent.click(submit());
    expect(onPay).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'CARD',
        amountCents: 1200,
        approvalCode: 'A1B2C3',
        last4: '4242',
        tenderedCents: null,
      }),
    );
  });

  it('refuses more than what is due', () => {
    renderDialog(1000);
    fireEvent.click(screen.getByRole('button', { name: 'Otro' }));
    fireEvent.change(screen.getByLabelText('Importe'), { target: { value: '10,01' } });
    expect(submit().disabled).toBe(true);
    expect(screen.getByText(/No puede superar/)).toBeTruthy();
  });
});
