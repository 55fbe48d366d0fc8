// A start that fails late (the port is taken) must undo what it had started: the WAL checkpoint thread,
// the relay, the printers and the database file. Otherwise a process that runs the hub in-process and
// tries again (the tests do; so could an embedding app) piles up threads and open files per attempt.
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../hub/config.js';
import { startHub } from '../hub/hub-runtime.js';
import { silentLogger } from '../hub/observability/logger.js';
import { createMetrics } from '../hub/observability/metrics.js';

const dir = mkdtempSync(join(tmpdir(), 'comanda-failed-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const threads = () => readdirSync('/proc/self/task').length;
const openFilesUnder = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(path);
    } catch {
      return false; // closed between the listing and the look
    }
  }).length;

const start = (port: number) =>
  startHub(
    loadConfig({ PORT: String(port), HOST: '127.0.0.1', COMANDA_DATA_DIR: dir, COMANDA_HTTPS: 'off' }, []),
    silentLogger(),
    { metrics: createMetrics({ defaults: false }) },
  );

describe('a hub start that fails late', () => {
  it('stops its checkpoint thread and closes its database', async () => {
    // A first start and stop, so the thread pool and the demo data exist before counting.
    await (await start(0)).stop();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const before = threads();
    try {
      for (let attempt = 0; attempt < 3; attempt++)
        await expect(start(port)).rejects.toThrow(/could not listen/);
    } finally {
      taken.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // a stopped worker's thread exits
    expect(threads()).toBe(before);
    expect(openFilesUnder(dir)).toBe(0);
    // And the folder still makes a working hub.
    await (await start(0)).stop();
  });
});
