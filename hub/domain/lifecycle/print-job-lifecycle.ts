// Print job lifecycle: the promise is "printed once, or a person decided otherwise".
//
//   QUEUED ──claim──▶ SENDING ──printed──▶ PRINTED
//     ▲  │              │ └──uncertain──▶ UNCERTAIN ──confirm──▶ PRINTED
//     │  │              │                     └──giveUp (reprint asked)──▶ FAILED
//     │  │              └──retry (nothing left the hub)──▶ QUEUED
//     │  ├──failOver──▶ QUEUED (on the backup printer)
//     │  ├──fail──────▶ FAILED (the ticket lives on the station's screen)
//     │  └──cancel────▶ CANCELED (the ticket was voided before it printed)
//   SENDING may also failOver / fail when the attempt proved the printer unreachable.
// A job never goes from SENDING back to anything that sends again unless nothing was written.
import type { PrintJobStatus } from '../../../protocol/printer-values.js';
import type { TransitionTable } from './lifecycle.js';

export const PRINT_JOB_TRANSITIONS = [
  'claim',
  'printed',
  'uncertain',
  'retry',
  'failOver',
  'fail',
  'confirm',
  'giveUp',
  'cancel',
] as const;
export type PrintJobTransition = (typeof PRINT_JOB_TRANSITIONS)[number];

const none: Record<PrintJobTransition, null> = {
  claim: null,
  printed: null,
  uncertain: null,
  retry: null,
  failOver: null,
  fail: null,
  confirm: null,
  giveUp: null,
  cancel: null,
};

export const printJobLifecycle: TransitionTable<PrintJobStatus, PrintJobTransition> = {
  QUEUED: { ...none, claim: 'SENDING', failOver: 'QUEUED', fail: 'FAILED', cancel: 'CANCELED' },
  SENDING: {
    ...none,
    printed: 'PRINTED',
    uncertain: 'UNCERTAIN',
    retry: 'QUEUED',
    failOver: 'QUEUED',
    fail: 'FAILED',
  },
  UNCERTAIN: { ...none, confirm: 'PRINTED', giveUp: 'FAILED' },
  FAILED: { ...none },
  PRINTED: { ...none },
  CANCELED: { ...none },
};
