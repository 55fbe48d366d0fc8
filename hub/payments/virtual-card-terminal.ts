// A card terminal without hardware, for the demo and the tests: it approves every charge, except what a
// test scripts (a decline, a terminal that does not answer). It keeps its charges by reference, as a
// real terminal's host does, so lookups and reversals after a hub restart see what was charged.
import type { CardTerminal, ChargeOutcome } from './card-terminal.js';

export type ScriptedCharge =
  | 'approve'
  | { decline: string }
  | 'no-answer'
  | 'charge-then-no-answer'
  /** Approves once `until` settles (a diner slow with the PIN pad). */
  | { approveAfter: Promise<unknown> };

export class VirtualCardTerminal implements CardTerminal {
  readonly virtual = true;
  /** Charges by reference, with whether they were reversed. */
  readonly charges = new Map<
    string,
    { amountCents: number; tipCents: number; outcome: ChargeOutcome; reversed: boolean }
  >();
  private readonly script: ScriptedCharge[] = [];
  private counter = 0;

  /** The next charges' fates, in order; after them, every charge is approved. */
  queue(...fates: ScriptedCharge[]): void {
    this.script.push(...fates);
  }

  async charge(request: {
    reference: string;
    amountCents: number;
    tipCents: number;
  }): Promise<ChargeOutcome> {
    const known = this.charges.get(request.reference);
    if (known) return known.outcome;
    const fate = this.script.shift() ?? 'approve';
    if (fate === 'no-answer') throw new Error('the card terminal did not answer');
    if (typeof fate === 'object' && 'approveAfter' in fate) await fate.approveAfter;
    const outcome: ChargeOutcome =
      typeof fate === 'object' && 'decline' in fate
        ? { status: 'DECLINED', reason: fate.decline }
        : { status: 'APPROVED', approvalCode: `V${String(++this.counter).padStart(5, '0')}`, last4: '4242' };
    this.charges.set(request.reference, { ...request, outcome, reversed: false });
    if (fate === 'charge-then-no-answer') throw new Error('the card terminal did not answer');
    return outcome;
  }

  async lookup(reference: string): Promise<ChargeOutcome | { status: 'NOT_FOUND' }> {
    return this.charges.get(reference)?.outcome ?? { status: 'NOT_FOUND' };
  }

  async reverse(reference: string): Promise<void> {
    const charge = this.charges.get(reference);
    if (charge) charge.reversed = true;
  }

  /** Money the terminal took and kept: approved, not reversed. */
  heldCents(): number {
    let sum = 0;
    for (const c of this.charges.values())
      if (c.outcome.status === 'APPROVED' && !c.reversed) sum += c.amountCents + c.tipCents;
    return sum;
  }
}
