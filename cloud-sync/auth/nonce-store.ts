// Remembers the nonces of signed requests for the signature window, so a captured request cannot be
// replayed inside it. In-process now; a Redis implementation (SET NX PX) replaces it for many instances.

export interface NonceStore {
  /** True the first time (scope, nonce) is claimed before `expiresAtMs`; false for a replay. */
  claim(scope: string, nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
  readonly kind: string;
}

/** A Map with lazy expiry. One instance only: behind a load balancer this must become Redis. */
export function memoryNonceStore(options: { maxEntries?: number } = {}): NonceStore & { size(): number } {
  const maxEntries = options.maxEntries ?? 1_000_000;
  const seen = new Map<string, number>();
  let claimsSinceSweep = 0;

  function sweep(nowMs: number): void {
    for (const [key, expiresAt] of seen) if (expiresAt <= nowMs) seen.delete(key);
    claimsSinceSweep = 0;
  }

  return {
    kind: 'memory',
    size: () => seen.size,
    async claim(scope, nonce, expiresAtMs, nowMs) {
      if (++claimsSinceSweep >= 1000 || seen.size >= maxEntries) sweep(nowMs);
      const key = `${scope}\u0000${nonce}`;
      const previous = seen.get(key);
      if (previous !== undefined && previous > nowMs) return false;
      // Full after a sweep means a flood of live nonces: refusing is safer than forgetting one.
      if (seen.size >= maxEntries) throw new Error('nonce store is full');
      seen.set(key, expiresAtMs);
      return true;
    },
  };
}
