// The hub's settings from the environment: the sync batch size an operator may lower for a slow uplink.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../hub/config.js';

describe('hub config', () => {
  it('leaves the relay its default batch size unless COMANDA_SYNC_BATCH_KB is set', () => {
    expect(loadConfig({}, []).syncBatchBytes).toBeUndefined();
    expect(loadConfig({ COMANDA_SYNC_BATCH_KB: '256' }, []).syncBatchBytes).toBe(256 * 1024);
  });

  it('refuses a batch size outside 16–1024 KB, naming the setting', () => {
    for (const bad of ['8', '2048', 'big', '1.5']) {
      expect(() => loadConfig({ COMANDA_SYNC_BATCH_KB: bad }, [])).toThrow(/COMANDA_SYNC_BATCH_KB/);
    }
  });
});
