// PINs are stored only as argon2id hashes; hashing runs off the event loop in the native library.
import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for argon2id (19 MiB, 2 passes): a 4-digit PIN is weak, the hash must not be.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPin(pin: string): Promise<string> {
  return hash(pin, OPTIONS);
}

export async function verifyPin(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin);
  } catch {
    return false;
  }
}
