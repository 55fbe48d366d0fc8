// Checkpoints from a worker thread keep the WAL small while the writer's own mark is set far out of reach,
// and handing back leaves a whole database with SQLite's default mark.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HubDatabase } from './database.js';
import { startBackgroundCheckpoints } from './background-checkpoints.js';

const dirs: string[] = [];
let db: HubDatabase | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): HubDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-ckpt-'));
  dirs.push(dir);
  db = openDatabase({ file: join(dir, 'hub.db'), synchronous: 'NORMAL' });
  db.write.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return db;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const walBytes = (d: HubDatabase) => statSync(`${d.file}-wal`).size;

/** 3,000 one-row commits in bursts of 100, with a pause after each burst (a service's rhythm, sped up). */
async function writeBursts(d: HubDatabase): Promise<void> {
  const insert = d.write.prepare('INSERT INTO note (text) VALUES (?)');
  for (let burst = 0; burst < 30; burst++) {
    for (let i = 0; i < 100; i++) insert.run('x'.repeat(200));
    await sleep(30);
  }
}

describe('background checkpoints', () => {
  it('keep the WAL small with the writer checkpointing only past its backstop', async () => {
    const d = open();
    const checkpoints = startBackgroundCheckpoints(d.write, d.file, {
      intervalMs: 10,
      backstopPages: 100_000,
    });
    expect(d.write.pragma('wal_autocheckpoint', { simple: true })).toBe(100_000);
    await writeBursts(d);
    await sleep(50);
    const last = checkpoints.last();
    expect(last.runs).toBeGreaterThan(0);
    expect(last.checkpointedFrames).toBe(last.walFrames);
    // 3,000 commits are ≥ 3,000 frames (≈ 12 MB): without the worker the WAL would hold them all.
    expect(walBytes(d)).toBeLessThan(3_000 * 4096 * 0.5);
    await checkpoints.stop();
    expect(d.write.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(d.write.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(d.read.prepare('SELECT count(*) AS n FROM note').get()).toEqual({ n: 3000 });
  });

  it('without the worker, the same writes leave the whole burst in the WAL (the test above can fail)', async () => {
    const d = open();
    d.write.pragma('wal_autocheckpoint = 100000');
    await writeBursts(d);
    expect(walBytes(d)).toBeGreaterThan(3_000 * 4096 * 0.5);
  });
});
