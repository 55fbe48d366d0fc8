// UUIDv7 from the pooled generator: well formed, unique, and ordered even within one millisecond.
import { describe, expect, it } from 'vitest';
import { newUuidV7 } from './uuid.js';

describe('newUuidV7', () => {
  it('is a version 7, variant 10 UUID', () => {
    expect(newUuidV7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts in creation order, also for many ids in the same millisecond', () => {
    const now = Date.now();
    const ids = Array.from({ length: 10_000 }, () => newUuidV7(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
