// Every cell of the service call lifecycle table, checked against the lifecycle as DOMAIN.md describes it.
import { describe, expect, it } from 'vitest';
import { SERVICE_CALL_STATUSES, type ServiceCallStatus } from '../../../protocol/domain-values.js';
import { transition } from './lifecycle.js';
import {
  SERVICE_CALL_TRANSITIONS,
  serviceCallLifecycle,
  type ServiceCallTransition,
} from './service-call-lifecycle.js';

// Written out by hand, not read from the table: changing a cell must be repeated here on purpose.
// Every cell not listed is CONFLICT.
const ALLOWED: ReadonlyArray<[ServiceCallStatus, ServiceCallTransition, ServiceCallStatus]> = [
  ['OPEN', 'acknowledge', 'ACKNOWLEDGED'],
  // A waiter who walks over and sorts it out may resolve without acknowledging first.
  ['OPEN', 'resolve', 'RESOLVED'],
  // Escalation tells every waiter; the call stays open until someone answers.
  ['OPEN', 'escalate', 'OPEN'],
  ['ACKNOWLEDGED', 'resolve', 'RESOLVED'],
];

const INITIAL: ServiceCallStatus = 'OPEN';

const expected = (from: ServiceCallStatus, via: ServiceCallTransition): ServiceCallStatus | null =>
  ALLOWED.find(([f, v]) => f === from && v === via)?.[2] ?? null;

const cells = SERVICE_CALL_STATUSES.flatMap((from) =>
  SERVICE_CALL_TRANSITIONS.map((via) => ({ from, via, to: expected(from, via) ?? 'CONFLICT' })),
);

describe('service call lifecycle', () => {
  it('has a row for every call status and a cell for every transition', () => {
    expect(Object.keys(serviceCallLifecycle).sort()).toEqual([...SERVICE_CALL_STATUSES].sort());
    for (const row of Object.values(serviceCallLifecycle)) {
      expect(Object.keys(row).sort()).toEqual([...SERVICE_CALL_TRANSITIONS].sort());
    }
  });

  it.each(cells)('a $from service call asked to $via ends $to', ({ from, via, to }) => {
    const result = transition('service call', serviceCallLifecycle, from, via);
    if (to === 'CONFLICT') {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `cannot ${via} a service call that is ${from}`,
          details: { what: 'service call', from, transition: via },
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('reaches every status from OPEN', () => {
    const seen = new Set<ServiceCallStatus>([INITIAL]);
    const queue: ServiceCallStatus[] = [INITIAL];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const to of Object.values(serviceCallLifecycle[s])) {
        if (to !== null && !seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...SERVICE_CALL_STATUSES].sort());
  });
});
