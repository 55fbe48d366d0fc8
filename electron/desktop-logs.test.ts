import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesktopLogs } from './desktop-logs.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const logDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'comanda-logs-'));
  dirs.push(dir);
  return path.join(dir, 'logs');
};

describe('desktop logs', () => {
  it('writes the shell’s own JSON lines and the hub’s lines as the hub wrote them', async () => {
    const dir = logDir();
    const logs = openDesktopLogs(dir);
    logs.logger.info({ port: 8080 }, 'hub ready');
    logs.writeHubLine('{"level":30,"msg":"listening","port":8080}');
    await logs.close();
    const desktop = JSON.parse(readFileSync(path.join(dir, 'desktop.log'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(desktop).toMatchObject({ msg: 'hub ready', port: 8080, process: 'desktop' });
    expect(readFileSync(logs.hubLogPath, 'utf8')).toBe('{"level":30,"msg":"listening","port":8080}\n');
  });

  it('starts a fresh hub log, keeping one old copy, when the last one grew too large', async () => {
    const dir = logDir();
    await openDesktopLogs(dir).close();
    writeFileSync(path.join(dir, 'hub.log'), Buffer.alloc(21 * 1024 * 1024, 'x'));
    const logs = openDesktopLogs(dir);
    logs.writeHubLine('after rotation');
    await logs.close();
    expect(statSync(path.join(dir, 'hub.log.1')).size).toBe(21 * 1024 * 1024);
    expect(readFileSync(path.join(dir, 'hub.log'), 'utf8')).toBe('after rotation\n');
  });
});
