// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../shared/api-client.js';
import { I18nProvider } from '../../shared/i18n.js';
import { chargeCard, type CardTerminalStatus } from './card-terminal.js';
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

describe("charging a card on the hub's terminal", () => {
  // fetch stands in for the hub: each POST /api/payments/card takes the next answer (a Response, or a
  // thrown error for "no answer"), and its body is kept to check the command ids.
  let sent: Array<{ commandId: string; payload: Record<string, unknown> }> = [];
  let answers: Array<() => Promise<Response>> = [];
  beforeEach(() => {
    sent = [];
    answers = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      expect(url).toBe('/api/payments/card');
      expect(init.method).toBe('POST');
      sent.push(JSON.parse(String(init.body)) as (typeof sent)[number]);
      const next = answers.shift();
      if (!next) throw new Error('no answer scripted');
      return next();
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });
  const approved = json(200, {
    ok: true,
    data: { paymentId: 'pay-1', changeCents: 0, approvalCode: 'V00001', last4: '4242' },
    seq: 12,
  });

  function renderWithTerminal(terminal: CardTerminalStatus | null, dueCents = 1200) {
    globalThis.localStorage?.setItem('comanda.lang', 'es');
    const onPay = vi.fn();
    const onCharged = vi.fn();
    const api = createApiClient();
    render(
      <I18nProvider dictionaries={{ es, en }} currency="EUR">
        <PaymentDialog
          title="Cobrar"
          dueCents={dueCents}
          onClose={() => {}}
          onPay={onPay}
          card={{
            terminal,
            charge: (commandId, amounts) =>
              chargeCard(api, commandId, { sessionId: 'sess-1', shareKey: null, ...amounts }),
            onCharged,
          }}
        />
      </I18nProvider>,
    );
    return { onPay, onCharged };
  }

  const chargeButton = () => screen.getByRole('button', { name: /en el terminal/ }) as HTMLButtonElement;
  const retryButton = () => screen.getByRole('button', { name: 'Reintentar' }) as HTMLButtonElement;

  it('without a terminal the card is typed from the slip, as before', () => {
    renderWithTerminal({ available: false, kind: null });
    expect(screen.getByLabelText('Código de autorización')).toBeTruthy();
    expect(screen.getByLabelText('Últimos 4 dígitos')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /en el terminal/ })).toBeNull();
    expect(submit()).toBeTruthy();
  });

  it('with a terminal offers to charge on it instead of the slip fields; a virtual one says it is a demo', () => {
    renderWithTerminal({ available: true, kind: 'virtual' });
    expect(chargeButton().textContent).toContain('12,00');
    expect(chargeButton().disabled).toBe(false);
    expect(screen.queryByLabelText('Código de autorización')).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('demostración');
    // Cash still records as before.
    fireEvent.click(screen.getByRole('button', { name: 'Efectivo' }));
    expect(screen.queryByRole('button', { name: /en el terminal/ })).toBeNull();
    expect(submit()).toBeTruthy();
    cleanup();
    renderWithTerminal({ available: true, kind: 'device' });
    expect(chargeButton()).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('charges amount and tip, waits for the card, then shows the approval code and last four', async () => {
    const { onPay, onCharged } = renderWithTerminal({ available: true, kind: 'device' });
    fireEvent.change(screen.getByLabelText('Propina'), { target: { value: '2' } });
    let release!: () => void;
    answers.push(() => new Promise<void>((r) => (release = r)).then(approved));
    const button = chargeButton();
    fireEvent.click(button);
    fireEvent.click(button); // a double tap: still one charge

    const waiting = await screen.findByRole('status');
    expect(waiting.textContent).toContain('Esperando la tarjeta');
    expect((screen.getByRole('button', { name: 'Cancelar' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Importe') as HTMLInputElement).disabled).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toEqual({
      sessionId: 'sess-1',
      shareKey: null,
      amountCents: 1200,
      tipCents: 200,
    });
    expect(sent[0]!.commandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    release();
    await vi.waitFor(() => expect(onCharged).toHaveBeenCalledTimes(1));
    expect(onCharged).toHaveBeenCalledWith(
      expect.objectContaining({ approvalCode: 'V00001', last4: '4242' }),
    );
    expect(screen.getByRole('status').textContent).toContain('Autorización V00001 · tarjeta ···· 4242');
    expect(chargeButton().disabled).toBe(true);
    // Recorded by the hub: nothing for the app's command queue.
    expect(onPay).not.toHaveBeenCalled();
  });

  it('a declined card says why and lets the waiter try again as a new attempt, or take another method', async () => {
    const { onCharged } = renderWithTerminal({ available: true, kind: 'device' });
    answers.push(
      json(409, {
        code: 'CONFLICT',
        message: 'the card was declined: fondos insuficientes',
        details: { declined: true },
      }),
    );
    fireEvent.click(chargeButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tarjeta rechazada: fondos insuficientes');
    expect(alert.textContent).toContain('No se ha cobrado nada');
    // Another method is one tap away, and the amounts can change.
    expect((screen.getByRole('button', { name: 'Efectivo' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByLabelText('Importe') as HTMLInputElement).disabled).toBe(false);

    answers.push(approved);
    fireEvent.click(chargeButton());
    await vi.waitFor(() => expect(onCharged).toHaveBeenCalledTimes(1));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.commandId).not.toBe(sent[0]!.commandId);
  });

  it('when the terminal or the hub does not answer, Reintentar resends the same command id', async () => {
    const { onPay, onCharged } = renderWithTerminal({ available: true, kind: 'device' });
    answers.push(
      json(503, {
        code: 'UNAVAILABLE',
        message: 'the card terminal did not answer: check it, then send the same payment again',
      }),
    );
    fireEvent.click(chargeButton());
    expect((await screen.findByRole('alert')).textContent).toContain('El terminal no ha contestado');
    // The attempt is kept as it was: its amounts cannot change under the same command id.
    expect((screen.getByLabelText('Importe') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Efectivo' }) as HTMLButtonElement).disabled).toBe(true);

    // The hub itself out of reach: said so, never queued, the dialog stays open.
    answers.push(async () => {
      throw new TypeError('Failed to fetch');
    });
    fireEvent.click(retryButton());
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Sin conexión con el hub'),
    );
    expect(screen.getByRole('alert').textContent).toContain('no se guarda para después');

    answers.push(approved);
    fireEvent.click(retryButton());
    await vi.waitFor(() => expect(onCharged).toHaveBeenCalledTimes(1));
    expect(sent.map((s) => s.commandId)).toEqual([
      sent[0]!.commandId,
      sent[0]!.commandId,
      sent[0]!.commandId,
    ]);
    expect(sent.every((s) => (s.payload as { amountCents: number }).amountCents === 1200)).toBe(true);
    expect(onPay).not.toHaveBeenCalled();
  });
});
