// The abstract operations of the random command sequences, as fast-check arbitraries. An operation names
// its targets by position ("the 3rd session"), not by id: ids only exist once the hub made them, so
// each operation is resolved against the live database just before it runs (command-sequence-resolve.ts).
import fc from 'fast-check';
import {
  COURSES,
  SERVICE_CALL_KINDS,
  type Course,
  type ServiceCallKind,
} from '../../protocol/domain-values.js';

export interface ItemSpec {
  product: number;
  qty: number;
  seat: number | null;
  /** Picks a modifier option; some values leave a required choice out on purpose. */
  choice: number;
  course: Course | null;
}

/** A position in a list of candidates, and which actor (right one mostly, sometimes anyone). */
interface Pick {
  pick: number;
  actor: number;
}

export type Op =
  | ({ kind: 'OpenSession'; table: number; guests: number } & Pick)
  | ({ kind: 'JoinSession'; seat: number | null } & Pick)
  | ({ kind: 'AddItem'; item: ItemSpec } & Pick)
  | ({ kind: 'UpdateItem'; qty: number; seat: number | null } & Pick)
  | ({ kind: 'RemoveItem' } & Pick)
  | ({ kind: 'SubmitRound'; hold: Course[] } & Pick)
  | ({ kind: 'PlaceRound'; items: ItemSpec[]; hold: Course[] } & Pick)
  | ({ kind: 'ConfirmRound' } & Pick)
  | ({ kind: 'CancelRound' } & Pick)
  | ({ kind: 'FireCourse'; course: Course } & Pick)
  | ({ kind: 'Ticket'; action: 'StartTicket' | 'BumpTicket' | 'RecallTicket' } & Pick)
  | ({ kind: 'BumpItem'; item: number } & Pick)
  | ({ kind: 'MarkServed'; some: boolean } & Pick)
  | ({ kind: 'VoidItem' } & Pick)
  | ({ kind: 'ApplyDiscount'; percent: boolean; value: number } & Pick)
  | ({ kind: 'RemoveDiscount' } & Pick)
  | ({ kind: 'UpdateGuests'; guests: number } & Pick)
  | ({ kind: 'SplitCheck'; mode: 'NONE' | 'EQUAL' | 'BY_SEAT' | 'BY_ITEM'; parts: number } & Pick)
  | ({
      kind: 'RecordPayment';
      amount: 'due' | 'half' | 'over' | 'share';
      method: 'CASH' | 'CARD' | 'OTHER';
      tip: number;
      cash: 'exact' | 'change' | 'short' | 'none';
    } & Pick)
  | ({ kind: 'RefundPayment'; amount: 'all' | 'one' | 'over' } & Pick)
  | ({ kind: 'RequestCheck' } & Pick)
  | ({ kind: 'CloseSession' } & Pick)
  | ({ kind: 'TransferSession'; table: number } & Pick)
  | ({ kind: 'MergeSessions'; into: number } & Pick)
  | ({ kind: 'VoidSession' } & Pick)
  | ({
      kind: 'SetProductAvailability';
      product: number;
      available: boolean;
      stock: number | null | undefined;
    } & Pick)
  | ({ kind: 'CreateServiceCall'; callKind: ServiceCallKind } & Pick)
  | ({
      kind: 'CallStep';
      action: 'AcknowledgeServiceCall' | 'ResolveServiceCall' | 'EscalateServiceCall';
    } & Pick)
  /** The same command id and payload again, as a tablet does after a lost reply. */
  | { kind: 'Resend'; pick: number }
  /** A used command id with another command: must be refused. */
  | { kind: 'ReuseId'; pick: number };

/** One step: a single command, or several sent at once so they share a transaction (group commit). */
export interface Step {
  ops: Op[];
  /** Also send the batch's first command a second time inside the same batch. */
  twin: boolean;
}

const pick = { pick: fc.nat(999), actor: fc.nat(999) };
const hold = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Course[]>([]) },
  { weight: 1, arbitrary: fc.subarray([...COURSES], { minLength: 1 }) },
);

export const itemSpec: fc.Arbitrary<ItemSpec> = fc.record({
  product: fc.nat(99),
  qty: fc.integer({ min: 1, max: 3 }),
  seat: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 4 })),
  choice: fc.nat(99),
  course: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...COURSES) },
  ),
});

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  w(
    6,
    fc.record({
      kind: fc.constant('OpenSession' as const),
      table: fc.nat(99),
      guests: fc.integer({ min: 1, max: 10 }),
      ...pick,
    }),
  ),
  w(
    1,
    fc.record({
      kind: fc.constant('JoinSession' as const),
      seat: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 4 })),
      ...pick,
    }),
  ),
  w(3, fc.record({ kind: fc.constant('AddItem' as const), item: itemSpec, ...pick })),
  w(
    1,
    fc.record({
      kind: fc.constant('UpdateItem' as const),
      qty: fc.integer({ min: 1, max: 4 }),
      seat: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 4 })),
      ...pick,
    }),
  ),
  w(1, fc.record({ kind: fc.constant('RemoveItem' as const), ...pick })),
  w(2, fc.record({ kind: fc.constant('SubmitRound' as const), hold, ...pick })),
  w(
    7,
    fc.record({
      kind: fc.constant('PlaceRound' as const),
      items: fc.array(itemSpec, { minLength: 1, maxLength: 4 }),
      hold,
      ...pick,
    }),
  ),
  w(1, fc.record({ kind: fc.constant('ConfirmRound' as const), ...pick })),
  w(1, fc.record({ kind: fc.constant('CancelRound' as const), ...pick })),
  w(2, fc.record({ kind: fc.constant('FireCourse' as const), course: fc.constantFrom(...COURSES), ...pick })),
  w(
    6,
    fc.record({
      kind: fc.constant('Ticket' as const),
      action: fc.constantFrom('StartTicket' as const, 'BumpTicket' as const, 'RecallTicket' as const),
      ...pick,
    }),
  ),
  w(2, fc.record({ kind: fc.constant('BumpItem' as const), item: fc.nat(99), ...pick })),
  w(3, fc.record({ kind: fc.constant('MarkServed' as const), some: fc.boolean(), ...pick })),
  w(2, fc.record({ kind: fc.constant('VoidItem' as const), ...pick })),
  w(
    2,
    fc.record({
      kind: fc.constant('ApplyDiscount' as const),
      percent: fc.boolean(),
      value: fc.integer({ min: 1, max: 12_000 }),
      ...pick,
    }),
  ),
  w(1, fc.record({ kind: fc.constant('RemoveDiscount' as const), ...pick })),
  w(
    1,
    fc.record({
      kind: fc.constant('UpdateGuests' as const),
      guests: fc.integer({ min: 1, max: 12 }),
      ...pick,
    }),
  ),
  w(
    3,
    fc.record({
      kind: fc.constant('SplitCheck' as const),
      mode: fc.constantFrom('NONE' as const, 'EQUAL' as const, 'BY_SEAT' as const, 'BY_ITEM' as const),
      parts: fc.integer({ min: 1, max: 4 }),
      ...pick,
    }),
  ),
  w(
    8,
    fc.record({
      kind: fc.constant('RecordPayment' as const),
      amount: fc.constantFrom(
        'due' as const,
        'due' as const,
        'half' as const,
        'over' as const,
        'share' as const,
      ),
      method: fc.constantFrom('CASH' as const, 'CARD' as const, 'OTHER' as const),
      tip: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
      cash: fc.constantFrom('exact' as const, 'change' as const, 'short' as const, 'none' as const),
      ...pick,
    }),
  ),
  w(
    2,
    fc.record({
      kind: fc.constant('RefundPayment' as const),
      amount: fc.constantFrom('all' as const, 'one' as const, 'over' as const),
      ...pick,
    }),
  ),
  w(2, fc.record({ kind: fc.constant('RequestCheck' as const), ...pick })),
  w(5, fc.record({ kind: fc.constant('CloseSession' as const), ...pick })),
  w(1, fc.record({ kind: fc.constant('TransferSession' as const), table: fc.nat(99), ...pick })),
  w(1, fc.record({ kind: fc.constant('MergeSessions' as const), into: fc.nat(999), ...pick })),
  w(1, fc.record({ kind: fc.constant('VoidSession' as const), ...pick })),
  w(
    2,
    fc.record({
      kind: fc.constant('SetProductAvailability' as const),
      product: fc.nat(99),
      available: fc.oneof(w(3, fc.constant(true)), w(1, fc.constant(false))),
      stock: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 6 })),
      ...pick,
    }),
  ),
  w(
    2,
    fc.record({
      kind: fc.constant('CreateServiceCall' as const),
      callKind: fc.constantFrom(...SERVICE_CALL_KINDS),
      ...pick,
    }),
  ),
  w(
    3,
    fc.record({
      kind: fc.constant('CallStep' as const),
      action: fc.constantFrom(
        'AcknowledgeServiceCall' as const,
        'ResolveServiceCall' as const,
        'EscalateServiceCall' as const,
      ),
      ...pick,
    }),
  ),
  w(3, fc.record({ kind: fc.constant('Resend' as const), pick: fc.nat(999) })),
  w(1, fc.record({ kind: fc.constant('ReuseId' as const), pick: fc.nat(999) })),
);

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  w(5, fc.record({ ops: fc.tuple(opArb).map((t) => [...t]), twin: fc.constant(false) })),
  w(2, fc.record({ ops: fc.array(opArb, { minLength: 2, maxLength: 4 }), twin: fc.boolean() })),
);

/** Most sequences start by seating a few tables, so that the rest has something to work on. */
export const openingStepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc
    .record({
      kind: fc.constant('OpenSession' as const),
      table: fc.nat(99),
      guests: fc.integer({ min: 1, max: 10 }),
      ...pick,
    })
    .map((op): Step => ({ ops: [op], twin: false })),
  { maxLength: 3 },
);
