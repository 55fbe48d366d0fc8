// Every cell of the print job lifecycle table, against the promise: once bytes may be on paper, only
// a person (confirm, or give up for a reprint) moves the job on — never a resend.
import { describe, expect, it } from 'vitest';
import { PRINT_JOB_STATUSES, type PrintJobStatus } from '../../../protocol/printer-values.js';
import { transition } from './lifecycle.js';
import { PRINT_JOB_TRANSITIONS, printJobLifecycle, type PrintJobTransition } from './print-job-lifecycle.js';

// Written out by hand, not read from the table. Every cell not listed is CONFLICT.
const ALLOWED: ReadonlyArray<[PrintJobStatus, PrintJobTransition, PrintJobStatus]> = [
  ['QUEUED', 'claim', 'SENDING'],
  ['QUEUED', 'failOver', 'QUEUED'],
  ['QUEUED', 'fail', 'FAILED'],
  ['QUEUED', 'cancel', 'CANCELED'],
  ['SENDING', 'printed', 'PRINTED'],
  ['SENDING', 'uncertain', 'UNCERTAIN'],
  // Only when nothing was written (unreachable): the worker checks bytesWritten before choosing it.
  ['SENDING', 'retry', 'QUEUED'],
  ['SENDING', 'failOver', 'QUEUED'],
  ['SENDING', 'fail', 'FAILED'],
  ['UNCERTAIN', 'confirm', 'PRINTED'],
  ['UNCERTAIN', 'giveUp', 'FAILED'],
];

const cells = PRINT_JOB_STATUSES.flatMap((from) =>
  PRINT_JOB_TRANSITIONS.map((via) => ({
    from,
    via,
    to: ALLOWED.find(([f, v]) => f === from && v === via)?.[2] ?? 'CONFLICT',
  })),
);

describe('print job lifecycle', () => {
  it('has a row for every status and a cell for every transition', () => {
    expect(Object.keys(printJobLifecycle).sort()).toEqual([...PRINT_JOB_STATUSES].sort());
    for (const row of Object.values(printJobLifecycle)) {
      expect(Object.keys(row).sort()).toEqual([...PRINT_JOB_TRANSITIONS].sort());
    }
  });

  it.each(cells)('a $from job asked to $via ends $to', ({ from, via, to }) => {
    const result = transition('print job', printJobLifecycle, from, via);
    if (to === 'CONFLICT') expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    else expect(result).toEqual({ ok: true, value: to });
  });

  it('never sends again on its own once a job may be on paper', () => {
    for (const from of ['UNCERTAIN', 'PRINTED'] as const) {
      for (const via of PRINT_JOB_TRANSITIONS) expect(printJobLifecycle[from][via]).not.toBe('QUEUED');
    }
  });
});
