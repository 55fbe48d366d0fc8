// Under a supervisor the hub's stdin is a lifeline: when it ends, the hub stops cleanly (exit code 0).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';

it('a supervised hub drains and exits 0 when its stdin closes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-stdin-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts', '--no-demo'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      COMANDA_DATA_DIR: dir,
      COMANDA_STOP_ON_STDIN_END: '1',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const listening = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.includes('"msg":"listening"')) resolve();
    });
  });
  await listening;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdin.end();
  expect(await exited).toBe(0);
  expect(lines.some((l) => l.includes('stopped cleanly'))).toBe(true);
  rmSync(dir, { recursive: true, force: true });
});
