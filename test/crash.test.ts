// kill -9 at random moments: a child process streams commands through the real CommandBus on a hub file
// (synchronous=FULL) and prints each command only after it was acknowledged; the parent SIGKILLs it,
// reopens the file as the hub would, and holds it to every acknowledgement. The same file is reused, so
// each writer starts from the wreck the previous one left (WAL recovery, half-served tables).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../protocol/commands/command.js';
import { findCommand } from '../hub/store/command-log.js';
import { openDatabase } from '../hub/store/database.js';
import {
  checkAuditChain,
  checkCommandLog,
  checkEventLog,
  checkLifecycles,
  checkMoney,
  checkRebuild,
} from './support/write-path-invariants.js';

const KILLS = Number(process.env.COMANDA_CRASH_KILLS ?? 15);
const WRITER = fileURLToPath(new URL('./support/crash-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'comanda-crash-'));
const file = join(dir, 'hub.db');
const spawned = new Set<ChildProcess>();
afterAll(() => {
  // Writers still queued when a check failed: end them (they are ours) before removing their file.
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Writer {
  child: ChildProcess;
  acks: Map<string, CommandResult>;
  loaded: Promise<void>;
  firstAck: Promise<void>;
  exited: Promise<NodeJS.Signals | number | null>;
  stderr: () => string;
}

/** Starts a writer that loads its code now and touches the file only when told to go. */
function startWriter(run: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, `run${run}`, '--wait'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  spawned.add(child);
  // A writer that died before its go must fail the test through its exit, not through EPIPE here.
  child.stdin!.on('error', () => {});
  const acks = new Map<string, CommandResult>();
  let buffered = '';
  let errors = '';
  let sawAck: () => void = () => {};
  let sawLoaded: () => void = () => {};
  const firstAck = new Promise<void>((resolve) => (sawAck = resolve));
  const loaded = new Promise<void>((resolve) => (sawLoaded = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    // A line cut short by the kill has no newline yet: it was never a complete acknowledgement.
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'LOADED') sawLoaded();
      if (!line.startsWith('ACK ')) continue;
      const { commandId, result } = JSON.parse(line.slice(4)) as { commandId: string; result: CommandResult };
      acks.set(commandId, result);
      sawAck();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    // 'close', not 'exit': every line the writer got out before it died has been read by then.
    child.on('close', (code, signal) => resolve(signal ?? code)),
  );
  return { child, acks, loaded, firstAck, exited, stderr: () => errors };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomMs = (max: number) => Math.floor(Math.random() * max);

/** Copies the crashed files aside (so the next writer still starts from the wreck) and checks the copy. */
function inspectCrashedFile(acked: ReadonlyMap<string, CommandResult>): string[] {
  // Killed before it even created the file: nothing can have been acknowledged.
  if (!existsSync(file)) return acked.size === 0 ? [] : ['the file is gone but commands were acknowledged'];
  const check = mkdtempSync(join(dir, 'check-'));
  const copy = join(check, 'hub.db');
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  const db = openDatabase({ file: copy });
  try {
    const problems: string[] = [];
    const integrity = db.write.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.write.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
    for (const [commandId, result] of acked) {
      const logged = findCommand(db.write, commandId);
      if (!logged) problems.push(`acknowledged ${commandId} is not in command_log`);
      else if (JSON.stringify(logged.result) !== JSON.stringify(result)) {
        problems.push(
          `acknowledged ${commandId} as ${JSON.stringify(result)}, logged ${JSON.stringify(logged.result)}`,
        );
      }
    }
    problems.push(
      ...checkEventLog(db.write),
      ...checkCommandLog(db.write),
      ...checkAuditChain(db.write),
      ...checkLifecycles(db.write),
      ...checkMoney(db.write),
      ...checkRebuild(db.write),
    );
    return problems;
  } finally {
    db.close();
    rmSync(check, { recursive: true, force: true });
  }
}

describe('kill -9 of a writing hub', () => {
  it(
    `keeps every acknowledged command and a whole, consistent file through ${KILLS} kills at random moments`,
    { timeout: 30_000 + KILLS * 8_000 },
    async () => {
      const acked = new Map<string, CommandResult>();
      let runsWithAcks = 0;
      // The next two writers load their code while one works (loading is most of a writer's life); each
      // waits for its own go before it touches the file.
      const queue = [startWriter(1), ...(KILLS > 1 ? [startWriter(2)] : [])];
      for (let run = 1; run <= KILLS; run++) {
        const writer = queue.shift()!;
        if (run + 2 <= KILLS) queue.push(startWriter(run + 2));
        await Promise.race([writer.loaded, writer.exited]);
        writer.child.stdin!.write('go\n');
        if (run % 4 === 1) {
          // Now and then during start-up: migrations, WAL recovery, the demo bootstrap.
          await sleep(randomMs(300));
        } else {
          await Promise.race([writer.firstAck, writer.exited]);
          await sleep(randomMs(400));
        }
        writer.child.kill('SIGKILL');
        const how = await writer.exited;
        expect(how, `writer ${run} died on its own:\n${writer.stderr()}`).toBe('SIGKILL');
        if (writer.acks.size > 0) runsWithAcks++;
        for (const [id, result] of writer.acks) acked.set(id, result);
        // Every acknowledgement so far, not just this run's: a later crash must not lose an earlier one.
        expect(inspectCrashedFile(acked), `after kill ${run}`).toEqual([]);
      }
      expect(runsWithAcks).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
      expect(acked.size).toBeGreaterThan(KILLS);
    },
  );
});
