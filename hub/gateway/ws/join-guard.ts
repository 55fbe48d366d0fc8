// The rate limit in front of everything that takes a table's join code (joining, and looking a code
// up): per remote address and per code. Without it a script could enumerate codes or fill the event log.
import type { HttpReply } from '../http-types.js';
import { createKeyedRateLimiter } from './keyed-rate-limiter.js';
import type { LiveLimits } from './ws-options.js';

export interface JoinGuard {
  /** undefined: go ahead; otherwise the 429 reply (with Retry-After) to send instead. */
  check(remoteAddress: string, joinCode: string): HttpReply | undefined;
}

export function createJoinGuard(limits: LiveLimits['join']): JoinGuard {
  const byAddress = createKeyedRateLimiter(limits.perAddress);
  const byCode = createKeyedRateLimiter(limits.perCode);
  return {
    check(remoteAddress, joinCode) {
      // Per address first: a phone over its limit does not use up the table's share.
      const first = byAddress.take([remoteAddress]);
      const verdict = first.ok ? byCode.take([joinCode]) : first;
      if (verdict.ok) return undefined;
      const seconds = verdict.retryAfterSeconds;
      return {
        status: 429,
        headers: { 'Retry-After': String(seconds) },
        body: {
          code: 'RATE_LIMITED',
          message: `too many attempts to join a table; try again in ${seconds} s`,
          details: { retryAfterSeconds: seconds },
        },
      };
    },
  };
}
