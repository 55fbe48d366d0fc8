// The card terminal, a true edge: the hub asks it to charge a card and it answers approved (with the
// slip's approval code and the card's last four digits) or declined. Every call carries the saga's
// reference, so asking again after a lost answer never charges twice, and a charge can be looked up
// or reversed by it after the hub restarts. A real terminal's driver implements this; tests and the
// demo use the virtual one (virtual-card-terminal.ts).

export type ChargeOutcome =
  { status: 'APPROVED'; approvalCode: string; last4: string } | { status: 'DECLINED'; reason: string };

export interface CardTerminal {
  /** True for a terminal without hardware (it takes no real money): the apps say so. */
  readonly virtual?: boolean;
  /** Same reference again: the first outcome, no second charge. Throws when the terminal did not answer. */
  charge(request: { reference: string; amountCents: number; tipCents: number }): Promise<ChargeOutcome>;
  /** What happened to a reference: its outcome, or NOT_FOUND when the terminal never charged it. */
  lookup(reference: string): Promise<ChargeOutcome | { status: 'NOT_FOUND' }>;
  /** Gives the money back (a void, or a refund once settled). Idempotent; throws when not answered. */
  reverse(reference: string): Promise<void>;
}
