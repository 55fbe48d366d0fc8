// The hub's card terminal (POST /api/payments/card, docs/PAYMENTS.md): whether there is one, and charging
// a card on it. A charge never goes through the offline command queue: the diner is holding the card
// now. Every answer is sorted into what the waiter can do next: done, try again with a new attempt (a
// decline, a refusal), or resend the same attempt (no answer: the hub never charges a command id twice).
import type { z } from 'zod';
import type { cardPaymentResultSchema, cardTerminalStatusSchema } from '../../../protocol/payments-api.js';
import { ApiError, NetworkError, type ApiClient } from '../../shared/api-client.js';

export type CardTerminalStatus = z.infer<typeof cardTerminalStatusSchema>;
export type CardPaymentResult = z.infer<typeof cardPaymentResultSchema>['data'];

export interface CardChargeRequest {
  sessionId: string;
  shareKey: string | null;
  amountCents: number;
  tipCents: number;
}

export type CardChargeOutcome =
  /** Charged and recorded. */
  | { kind: 'approved'; result: CardPaymentResult }
  /** The card said no: nothing was charged. A new attempt, or another method. */
  | { kind: 'declined'; reason: string }
  /** The hub said no (before charging, or after, and then it gave the charge back). A new attempt. */
  | { kind: 'refused'; reason: string; reversed: boolean }
  /** The hub answered but could not finish (the terminal did not answer): resend the same command id. */
  | { kind: 'unanswered'; reason: string }
  /** No answer from the hub at all (it may still be charging): resend the same command id. */
  | { kind: 'unreachable' };

/** What the hub says about its terminal; unreachable or an older hub → none (the slip's fields). */
export async function fetchCardTerminal(api: ApiClient): Promise<CardTerminalStatus | null> {
  try {
    return await api.get<CardTerminalStatus>('/api/payments/card');
  } catch (err) {
    if (err instanceof ApiError) return { available: false, kind: null };
    return null;
  }
}

export async function chargeCard(
  api: ApiClient,
  commandId: string,
  payload: CardChargeRequest,
): Promise<CardChargeOutcome> {
  try {
    const answer = await api.post<{ ok: true; data: CardPaymentResult }>('/api/payments/card', {
      commandId,
      payload,
    });
    return { kind: 'approved', result: answer.data };
  } catch (err) {
    if (err instanceof ApiError) {
      const details = (err.details ?? {}) as { declined?: boolean; reversed?: boolean };
      if (details.declined) {
        return { kind: 'declined', reason: err.message.replace(/^the card was declined:\s*/, '') };
      }
      if (details.reversed) return { kind: 'refused', reason: err.message, reversed: true };
      // 5xx (the terminal did not answer, or the record is still to come), 429, or a token that expired
      // on the way (the client renews it): the hub may still finish this one, so it is resent as is.
      if (err.retryable || err.status === 401) return { kind: 'unanswered', reason: err.message };
      return { kind: 'refused', reason: err.message, reversed: false };
    }
    if (err instanceof NetworkError) return { kind: 'unreachable' };
    throw err;
  }
}
