// What "every hub event lands exactly once, in order per aggregate" means, checked row by row.
import { expect } from 'vitest';
import type { SyncCloud } from './sync-cloud.js';
import type { SyncHub } from './sync-hub.js';

export async function expectCloudHasHubLogOnce(hub: SyncHub, cloud: SyncCloud): Promise<void> {
  const local = hub.events();
  const remote = await cloud.events();
  // Same events, same seqs, nothing extra, nothing twice.
  expect(remote.map((e) => [e.seq, e.eventId])).toEqual(local.map((e) => [e.seq, e.id]));
  expect(new Set(remote.map((e) => e.eventId)).size).toBe(remote.length);
  // In order per aggregate: each aggregate's events landed in aggregate-seq order (ingestion time never
  // goes backwards within an aggregate), with the same per-aggregate numbering as on the hub.
  const byAggregate = new Map<string, typeof remote>();
  for (const e of remote) {
    const key = `${e.aggregateType}:${e.aggregateId}`;
    byAggregate.set(key, [...(byAggregate.get(key) ?? []), e]);
  }
  for (const [key, events] of byAggregate) {
    const sorted = [...events].sort((a, b) => a.aggregateSeq - b.aggregateSeq);
    expect(
      sorted.map((e) => e.aggregateSeq),
      key,
    ).toEqual(sorted.map((_, i) => i + 1));
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.ingestedAt >= sorted[i - 1]!.ingestedAt, `${key} #${i + 1} landed before #${i}`).toBe(
        true,
      );
  }
}
