// Owner passwords: argon2id (the library's default algorithm, stated here so a library change cannot weaken
// it silently) with OWASP's minimum parameters: 19 MiB, 2 passes. Hashing runs off the event loop.
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id: the enum is a `const enum` in a .d.ts, which isolatedModules cannot read. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A well-formed hash that matches no password: login spends the same time for unknown emails. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    dummyHash ??= hashPassword('comanda-no-such-account');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
