// Access-token ids (jti) signed out before their expiry: logout must take effect at once, not in 15 minutes.
// In memory only: an entry is useless once its token has expired, so the list stays as small as
// the number of logouts within one access-token lifetime.

export interface AccessDenyList {
  /** Denies `jti` until `expEpochSeconds` (the token's own `exp`); a token already expired is not stored. */
  deny(jti: string, expEpochSeconds: number): void;
  has(jti: string): boolean;
  size(): number;
}

export function createAccessDenyList(now: () => Date): AccessDenyList {
  const denied = new Map<string, number>();
  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  const prune = (at: number) => {
    for (const [jti, exp] of denied) if (exp <= at) denied.delete(jti);
  };

  return {
    deny(jti, expEpochSeconds) {
      const at = nowSeconds();
      // Logouts are rare (a few per shift), so a full pass here costs nothing and bounds the map.
      prune(at);
      if (expEpochSeconds > at) denied.set(jti, expEpochSeconds);
    },
    has: (jti) => denied.has(jti),
    size: () => denied.size,
  };
}
