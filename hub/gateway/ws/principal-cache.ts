// Remembers the principal a token resolved to for a few seconds, so a reconnect storm (every tablet
// of a floor coming back after an access point reboots) does not redo a JWT check and staff lookup per
// socket. Entries are dropped the moment the gateway revokes what they stand for (logout, staff
// change, session end, re-pairing), so a revoked token never passes through the cache.
import type { Principal } from './principal.js';

interface Entry {
  principal: Principal;
  until: number;
}

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    if (e.until > this.now()) return e.principal;
    this.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal, keys: readonly string[]): void {
    if (this.entries.size >= this.maxEntries) this.clear();
    const expiresMs = principal.kind === 'staff' ? principal.expiresAt * 1000 : Infinity;
    this.entries.set(token, { principal, until: Math.min(this.now() + this.ttlMs, expiresMs) });
    for (const key of keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(token);
    }
  }

  /** Forgets every token filed under `key` (a staff member, a token hash, a session, a device). */
  forgetKey(key: string): void {
    const tokens = this.byKey.get(key);
    if (!tokens) return;
    this.byKey.delete(key);
    for (const t of tokens) this.entries.delete(t);
  }

  private delete(token: string): void {
    this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
    this.byKey.clear();
  }
}
