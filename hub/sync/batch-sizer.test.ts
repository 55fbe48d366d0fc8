import { describe, expect, it } from 'vitest';
import { silentLogger } from '../observability/logger.js';
import { BatchSizer, MIN_BATCH_BYTES } from './batch-sizer.js';

const KB = 1024;
const sizer = () => new BatchSizer({ maxEvents: 1000, maxBytes: 1024 * KB }, 30_000, silentLogger());

describe('BatchSizer', () => {
  it('halves the size when a full batch times out on an open connection, down to the floor', () => {
    const s = sizer();
    s.timedOut(1000 * KB);
    expect(s.limits.maxBytes).toBe(512 * KB);
    for (let i = 0; i < 20; i++) s.timedOut(s.limits.maxBytes);
    expect(s.limits.maxBytes).toBe(MIN_BATCH_BYTES);
    expect(s.limits.maxEvents).toBe(1000);
  });

  it('does not shrink for a small batch that timed out: its size was not the trouble', () => {
    const s = sizer();
    s.timedOut(40 * KB);
    expect(s.limits.maxBytes).toBe(1024 * KB);
  });

  it('doubles back after three full batches answered well within the deadline, up to the configured size', () => {
    const s = sizer();
    s.timedOut(1000 * KB);
    s.timedOut(500 * KB);
    expect(s.limits.maxBytes).toBe(256 * KB);
    s.answered(1000, 250 * KB);
    s.answered(1000, 250 * KB);
    expect(s.limits.maxBytes).toBe(256 * KB);
    s.answered(1000, 250 * KB);
    expect(s.limits.maxBytes).toBe(512 * KB);
    for (let i = 0; i < 9; i++) s.answered(1000, s.limits.maxBytes);
    expect(s.limits.maxBytes).toBe(1024 * KB);
  });

  it('does not grow on slow answers or short batches, and a slow full batch starts the count again', () => {
    const s = sizer();
    s.timedOut(1000 * KB);
    s.answered(1000, 500 * KB);
    s.answered(1000, 500 * KB);
    s.answered(20_000, 500 * KB); // full but slow: the uplink is still near its limit
    s.answered(1000, 500 * KB);
    s.answered(1000, 500 * KB);
    for (let i = 0; i < 10; i++) s.answered(50, 10 * KB); // the backlog ran out: says nothing
    expect(s.limits.maxBytes).toBe(512 * KB);
    s.answered(1000, 500 * KB);
    expect(s.limits.maxBytes).toBe(1024 * KB);
  });

  it('a 413 lowers the ceiling for good: quick answers never grow past it again', () => {
    const s = sizer();
    s.tooLarge();
    expect(s.limits).toEqual({ maxEvents: 500, maxBytes: 512 * KB });
    for (let i = 0; i < 10; i++) s.answered(10, s.limits.maxBytes);
    expect(s.limits).toEqual({ maxEvents: 500, maxBytes: 512 * KB });
    s.timedOut(500 * KB);
    for (let i = 0; i < 10; i++) s.answered(10, s.limits.maxBytes);
    expect(s.limits.maxBytes).toBe(512 * KB);
  });
});
