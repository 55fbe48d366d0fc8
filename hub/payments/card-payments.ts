// The card payment saga (DOMAIN.md, "The payment saga"): charge the card on the terminal, then record the
// payment with the terminal's approval code; if the hub refuses the payment after the card was charged
// (the check changed meanwhile), give the money back on the terminal. Each step is journalled
// (`card_charge`) before it is taken, so a hub killed half-way finishes on restart: a charge the terminal
// approved is recorded (once: the client's command id is the RecordPayment's) or reversed, never left
// standing unrecorded. The client's command id is also the terminal's reference, so a resend after a
// lost answer neither charges nor records twice.
import { remainingDue } from '../domain/check/payment-rules.js';
import type { CommandResult } from '../../protocol/commands/command.js';
import type { ErrorCode } from '../../protocol/errors.js';
import type { Actor } from '../../protocol/events/event.js';
import { authorize } from '../domain/permissions.js';
import type { CommandBus } from '../app/command-bus.js';
import type { HubDatabase } from '../store/database.js';
import {
  findCardCharge,
  startCardCharge,
  unsettledCardCharges,
  updateCardCharge,
  type CardChargeRow,
} from '../store/card-charge-store.js';
import { loadStaff } from '../store/queries/view-loaders.js';
import { sessionDetailView } from '../store/queries/session-detail.js';
import type { Logger } from '../observability/logger.js';
import type { CardTerminal, ChargeOutcome } from './card-terminal.js';

/** A charge the terminal still does not know after this long was never made. */
const NEVER_CHARGED_AFTER_MS = 10 * 60_000;

export interface CardPaymentRequest {
  /** The client's command id: the saga's, the terminal's and the RecordPayment's idempotency key. */
  reference: string;
  sessionId: string;
  shareKey: string | null;
  amountCents: number;
  tipCents: number;
}

/** What the client gets: the RecordPayment's own result, or why no payment was recorded. */
export type CardPaymentAnswer =
  | { ok: true; data: Record<string, unknown>; seq: number }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

const refused = (code: ErrorCode, message: string, details?: unknown): CardPaymentAnswer => ({
  ok: false,
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

export interface CardPaymentsOptions {
  db: HubDatabase;
  bus: CommandBus;
  terminal: CardTerminal;
  logger: Logger;
  now?: () => Date;
  /** How often charges left unsettled (terminal or hub trouble) are looked at again. */
  retryMs?: number;
}

export class CardPayments {
  /** `virtual` for the terminal without hardware (demos), `device` for a real one. */
  readonly terminalKind: 'virtual' | 'device';
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | null = null;
  /** References being settled now: a resend waits for the same work instead of racing it. */
  private readonly inFlight = new Map<string, Promise<CardPaymentAnswer>>();

  constructor(private readonly options: CardPaymentsOptions) {
    this.now = options.now ?? (() => new Date());
    this.terminalKind = options.terminal.virtual ? 'virtual' : 'device';
  }

  /** Finishes what a previous run left half-done, then keeps looking every `retryMs`. */
  async start(): Promise<void> {
    await this.resumeUnsettled();
    this.timer = setInterval(() => void this.resumeUnsettled(), this.options.retryMs ?? 30_000);
    this.timer.unref();
  }

  /** Stops looking, and waits for the payments in hand (before the bus drains). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  async pay(request: CardPaymentRequest, actor: Actor, requestId: string | null): Promise<CardPaymentAnswer> {
    const running = this.inFlight.get(request.reference);
    if (running) return running;
    const work = this.payOnce(request, actor, requestId).finally(() =>
      this.inFlight.delete(request.reference),
    );
    this.inFlight.set(request.reference, work);
    return work;
  }

  private async payOnce(request: CardPaymentRequest, actor: Actor, requestId: string | null) {
    const { db } = this.options;
    const known = findCardCharge(db.write, request.reference);
    if (known) {
      if (!sameRequest(known, request))
        return refused('CONFLICT', 'this command id was already used for a different card payment');
      return known.result !== null && known.status !== 'CHARGED'
        ? (known.result as CardPaymentAnswer)
        : this.settle(known);
    }
    // Checked before the card is charged: a charge the hub then refuses costs the diner a reversal.
    const precheck = this.precheck(request, actor);
    if (precheck) return precheck;
    startCardCharge(db.write, { ...request, actor, requestId }, this.now().toISOString());
    return this.settle(findCardCharge(db.write, request.reference)!);
  }

  /** Takes a journalled charge as far as it can go: charged → recorded (or reversed). */
  private async settle(row: CardChargeRow): Promise<CardPaymentAnswer> {
    let charge = row;
    if (charge.status === 'STARTED') {
      const outcome = await this.askTerminal(charge);
      if (outcome === undefined)
        return refused(
          'UNAVAILABLE',
          'the card terminal did not answer: check it, then send the same payment again',
        );
      if (outcome.status !== 'APPROVED') {
        const answer = refused('CONFLICT', `the card was declined: ${outcome.reason}`, { declined: true });
        this.mark(charge, { status: 'DECLINED', result: answer });
        return answer;
      }
      this.mark(charge, { status: 'CHARGED', approvalCode: outcome.approvalCode, last4: outcome.last4 });
      charge = { ...charge, status: 'CHARGED', approvalCode: outcome.approvalCode, last4: outcome.last4 };
    }
    return this.record(charge);
  }

  /** The charge's outcome: from the charge call, or, when it got no answer, from a lookup. */
  private async askTerminal(charge: CardChargeRow): Promise<ChargeOutcome | undefined> {
    const { terminal, logger } = this.options;
    try {
      return await terminal.charge({
        reference: charge.reference,
        amountCents: charge.amountCents,
        tipCents: charge.tipCents,
      });
    } catch (err) {
      logger.warn(
        { err, reference: charge.reference },
        'card terminal did not answer a charge; looking it up',
      );
    }
    try {
      const found = await terminal.lookup(charge.reference);
      if (found.status !== 'NOT_FOUND') return found;
      // Not there yet may still mean a diner at the PIN pad: only a charge the terminal has not seen for
      // long is taken as never made (a resend or the retry loop asks again until then).
      const age = this.now().getTime() - Date.parse(charge.createdAt);
      if (age > NEVER_CHARGED_AFTER_MS)
        return { status: 'DECLINED', reason: 'the terminal never took the charge' };
      return undefined;
    } catch (err) {
      logger.warn({ err, reference: charge.reference }, 'card terminal did not answer a lookup either');
      return undefined;
    }
  }

  private async record(charge: CardChargeRow): Promise<CardPaymentAnswer> {
    const { bus, terminal, logger } = this.options;
    const result: CommandResult = await bus.execute(
      {
        commandId: charge.reference,
        type: 'RecordPayment',
        payload: {
          sessionId: charge.sessionId,
          shareKey: charge.shareKey,
          method: 'CARD',
          amountCents: charge.amountCents,
          tipCents: charge.tipCents,
          tenderedCents: null,
          approvalCode: charge.approvalCode,
          last4: charge.last4,
        },
      } as Parameters<CommandBus['execute']>[0],
      { actor: charge.actor, requestId: charge.requestId },
    );
    if (result.ok) {
      const answer: CardPaymentAnswer = {
        ok: true,
        data: { ...result.data, approvalCode: charge.approvalCode, last4: charge.last4 },
        seq: result.seq,
      };
      this.mark(charge, { status: 'RECORDED', result: answer });
      return answer;
    }
    if (result.error.code === 'INTERNAL' || result.error.code === 'UNAVAILABLE') {
      // Not recorded and not refused: the charge stands and is recorded on the next try.
      return refused('UNAVAILABLE', 'the card was charged; the payment will be recorded shortly');
    }
    // Refused for good (the check changed since): the compensation is to give the money back.
    try {
      await terminal.reverse(charge.reference);
    } catch (err) {
      logger.error(
        { err, reference: charge.reference },
        'card charge to reverse: the terminal did not answer',
      );
      return refused('UNAVAILABLE', 'the payment was refused and the card charge is being reversed');
    }
    const answer = refused(result.error.code, `${result.error.message} (the card charge was reversed)`, {
      ...(result.error.details as object | undefined),
      reversed: true,
    });
    this.mark(charge, { status: 'REVERSED', result: answer });
    logger.warn(
      { reference: charge.reference, error: result.error },
      'card payment refused; charge reversed',
    );
    return answer;
  }

  private async resumeUnsettled(): Promise<void> {
    for (const row of unsettledCardCharges(this.options.db.write)) {
      if (this.inFlight.has(row.reference)) continue;
      try {
        const answer = await this.pay(row, row.actor, row.requestId);
        this.options.logger.info(
          { reference: row.reference, ok: answer.ok },
          'card payment settled after a restart',
        );
      } catch (err) {
        this.options.logger.error({ err, reference: row.reference }, 'could not settle a card payment');
      }
    }
  }

  private precheck(request: CardPaymentRequest, actor: Actor): CardPaymentAnswer | undefined {
    const db = this.options.db.read;
    const view = sessionDetailView(db, request.sessionId);
    if (!view) return refused('NOT_FOUND', `session ${request.sessionId} not found`);
    const sectorIds = actor.kind === 'staff' ? (loadStaff(db, actor.staffId)?.sectorIds ?? []) : [];
    const allowed = authorize(actor, 'RecordPayment', {
      sectorId: view.session.sectorId,
      sessionId: view.session.id,
      actorSectorIds: sectorIds,
    });
    if (!allowed.ok) return refused(allowed.error.code, allowed.error.message);
    let due = view.dueCents;
    if (request.shareKey !== null) {
      const share = view.split?.shares.find((s) => s.key === request.shareKey);
      if (!share) return refused('NOT_FOUND', `share ${request.shareKey} is not in the check's split`);
      due = remainingDue(
        share.amountCents,
        view.payments.filter((p) => p.shareKey === share.key),
      );
    }
    if (request.amountCents > due)
      return refused('CONFLICT', `only ${due} cents are due; the card was not charged`, { dueCents: due });
    return undefined;
  }

  private mark(charge: CardChargeRow, change: Parameters<typeof updateCardCharge>[2]): void {
    updateCardCharge(this.options.db.write, charge.reference, change, this.now().toISOString());
  }
}

const sameRequest = (row: CardChargeRow, r: CardPaymentRequest) =>
  row.sessionId === r.sessionId &&
  row.shareKey === r.shareKey &&
  row.amountCents === r.amountCents &&
  row.tipCents === r.tipCents;
