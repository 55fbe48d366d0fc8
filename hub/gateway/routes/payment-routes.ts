// POST /api/payments/card: charge a card on the hub's terminal and record the payment, as one saga
// (hub/payments/card-payments.ts). Without a terminal (COMANDA_CARD_TERMINAL=off, the default) it answers
// 503 and card payments are recorded from a standalone terminal's slip with RecordPayment.
import {
  cardPaymentRequestSchema,
  cardPaymentResultSchema,
  cardTerminalStatusSchema,
} from '../../../protocol/payments-api.js';
import { AppError, HTTP_STATUS } from '../../../protocol/errors.js';
import type { CardPayments } from '../../payments/card-payments.js';
import { parseWith, type ApiRoute } from '../api-route.js';

export function paymentRoutes(payments: CardPayments | undefined): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/payments/card',
      summary: 'Whether this hub has a card terminal (the waiter app offers "charge on the terminal" then)',
      tags: ['reads'],
      roles: ['ADMIN', 'MANAGER', 'WAITER'],
      response: cardTerminalStatusSchema,
      handler: () => ({
        body: { available: payments !== undefined, kind: payments ? payments.terminalKind : null },
      }),
    },
    {
      method: 'POST',
      path: '/api/payments/card',
      summary: "Charge a card on the hub's card terminal and record the payment (the payment saga)",
      description:
        'The terminal charges `amountCents + tipCents`; on approval the payment is recorded as RecordPayment ' +
        '(method CARD, with the approval code and last four digits), under the same `commandId`. If the hub ' +
        'refuses the payment after the card was charged (the check changed meanwhile), the charge is reversed ' +
        'on the terminal and the answer says `reversed`. A declined card is 409 with `declined`. When the ' +
        'terminal does not answer, 503: send the same request again (same `commandId`), which never charges ' +
        'twice; the hub also finishes half-done payments by itself, after a restart too.',
      tags: ['commands'],
      roles: ['ADMIN', 'MANAGER', 'WAITER'],
      request: cardPaymentRequestSchema,
      response: cardPaymentResultSchema,
      errors: ['INVALID', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'],
      handler: async (req, actor) => {
        const body = parseWith(cardPaymentRequestSchema, req.body, 'card payment');
        if (!payments)
          throw new AppError('UNAVAILABLE', 'this hub has no card terminal (COMANDA_CARD_TERMINAL)');
        const answer = await payments.pay(
          { reference: body.commandId, ...body.payload },
          actor!,
          req.requestId,
        );
        req.log.info({ commandId: body.commandId, ok: answer.ok }, 'card payment');
        return answer.ok
          ? { status: 200, body: answer }
          : { status: HTTP_STATUS[answer.error.code], body: answer.error };
      },
    },
  ];
}
