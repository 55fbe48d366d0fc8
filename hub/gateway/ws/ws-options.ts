// Limits of the live feed, with the defaults the hub runs with.
import type { RateLimit } from './rate-limiter.js';

export interface LiveLimits {
  /** Events kept in memory for replay; a client further behind gets `resync`. */
  ringCapacity: number;
  /** Above this many queued bytes a subscriber gets `resync` instead of more events. */
  softBackpressureBytes: number;
  /** uWS's own limit (maxBackpressure): above it, publishes to that socket are dropped. */
  hardBackpressureBytes: number;
  maxMessageBytes: number;
  /** The transport pings a quiet connection at this interval; two missed intervals close it. */
  heartbeatSeconds: number;
  rate: RateLimit;
  /** Frames over the rate limit tolerated before the connection is closed (1008). */
  maxRateStrikes: number;
  maxInFlightCommands: number;
  /** How often expired staff tokens are looked for (revocation latency bound). */
  sweepMs: number;
  /** POST /api/diner/join, per remote address and per join code (429 with Retry-After above). */
  join: { perAddress: RateLimit; perCode: RateLimit };
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  ringCapacity: 20_000,
  softBackpressureBytes: 1 << 20,
  hardBackpressureBytes: 16 << 20,
  maxMessageBytes: 64 * 1024,
  heartbeatSeconds: 16,
  rate: { perSecond: 50, burst: 100 },
  maxRateStrikes: 200,
  maxInFlightCommands: 32,
  sweepMs: 500,
  // A phone retrying a few times, a table of twelve scanning the QR in the same minute: both get in;
  // a script guessing codes gets ~6 tries a minute per address.
  join: { perAddress: { perSecond: 0.1, burst: 10 }, perCode: { perSecond: 0.5, burst: 30 } },
};
