import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingHubFiles, resolveHubLaunch } from './hub-launch.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('finding the hub and its runtime', () => {
  it('runs the bundled hub on the bundled Node from the resources folder when packaged', () => {
    const resources = mkdtempSync(path.join(tmpdir(), 'comanda-resources-'));
    dirs.push(resources);
    const plan = resolveHubLaunch({
      packaged: true,
      resourcesPath: resources,
      repoRoot: '/unused',
      platform: 'linux',
    });
    expect(plan).toMatchObject({
      command: path.join(resources, 'node', 'node'),
      args: [path.join(resources, 'hub', 'hub', 'main.js')],
      cwd: path.join(resources, 'hub'),
    });
    expect(missingHubFiles(plan)).toEqual([plan.command, plan.args[0]]);
    mkdirSync(path.join(resources, 'node'));
    mkdirSync(path.join(resources, 'hub', 'hub'), { recursive: true });
    writeFileSync(plan.command, '');
    writeFileSync(plan.args[0]!, '');
    expect(missingHubFiles(plan)).toEqual([]);
  });

  it('uses node.exe on Windows', () => {
    const plan = resolveHubLaunch({
      packaged: true,
      resourcesPath: 'R',
      repoRoot: '/unused',
      platform: 'win32',
    });
    expect(path.basename(plan.command)).toBe('node.exe');
  });

  it('runs the TypeScript hub through tsx on the node from PATH in development', () => {
    const plan = resolveHubLaunch({
      packaged: false,
      resourcesPath: '/unused',
      repoRoot: '/repo',
      platform: 'linux',
    });
    expect(plan).toMatchObject({
      command: 'node',
      args: ['--import', 'tsx', path.join('hub', 'main.ts')],
      cwd: '/repo',
    });
    expect(missingHubFiles(plan)).toEqual([path.join('/repo', 'hub', 'main.ts')]);
  });
});
