import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listProductionPackages, prepareHubBundle } from './prepare-hub-bundle.js';
import { repoRoot as realRepoRoot } from './test-fixtures/hubs-under-test.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function write(file: string, text = ''): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A small repository after `npm run build`: compiled hub, sources with a migration, packages. */
function builtRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'comanda-bundle-'));
  dirs.push(root);
  write(path.join(root, 'package.json'), JSON.stringify({ version: '1.2.3', dependencies: { zod: '^4' } }));
  write(path.join(root, 'dist/hub/main.js'), 'import "../protocol/version.js";');
  write(path.join(root, 'dist/protocol/version.js'), 'export const v = 1;');
  write(path.join(root, 'hub/main.ts'), 'source');
  write(path.join(root, 'hub/store/migrations/0000_init.sql'), 'CREATE TABLE t (id);');
  write(path.join(root, 'hub/store/migrations/meta/_journal.json'), '{}');
  write(path.join(root, 'node_modules/zod/index.js'), 'zod');
  write(path.join(root, 'node_modules/zod/node_modules/dev-only/index.js'), 'dev');
  write(path.join(root, 'node_modules/@scope/pkg/index.js'), 'scoped');
  write(path.join(root, 'node_modules/@types/node/index.d.ts'), 'types');
  write(path.join(root, 'node_modules/uWebSockets.js/src/uws.js'), 'loader');
  write(path.join(root, 'node_modules/uWebSockets.js/binaries/uws_linux_x64_115.node'), 'ours');
  write(path.join(root, 'node_modules/uWebSockets.js/binaries/uws_win32_x64_115.node'), 'theirs');
  write(path.join(root, 'node_modules/uWebSockets.js/binaries/uws_linux_x64_108.node'), 'old abi');
  write(path.join(root, 'node_modules/better-sqlite3/lib/index.js'), 'lib');
  write(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'addon');
  write(path.join(root, 'node_modules/better-sqlite3/build/Release/obj.target/x.o'), 'object');
  write(path.join(root, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c'), 'c source');
  write(path.join(root, 'node_modules/dev-tool/index.js'), 'not shipped');
  return root;
}

describe('staging the hub bundle', () => {
  it('lays out the compiled hub like the repository, with its migrations and an ESM package.json', () => {
    const root = builtRepo();
    const out = path.join(root, 'build/hub');
    prepareHubBundle({
      repoRoot: root,
      outDir: out,
      productionPackages: [],
      target: { platform: 'linux', arch: 'x64', abi: '115' },
    });
    expect(readFileSync(path.join(out, 'hub/main.js'), 'utf8')).toContain('../protocol/version.js');
    expect(existsSync(path.join(out, 'protocol/version.js'))).toBe(true);
    expect(existsSync(path.join(out, 'hub/store/migrations/0000_init.sql'))).toBe(true);
    expect(existsSync(path.join(out, 'hub/store/migrations/meta/_journal.json'))).toBe(true);
    expect(existsSync(path.join(out, 'hub/main.ts'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8'))).toMatchObject({
      type: 'module',
      version: '1.2.3',
      dependencies: { zod: '^4' },
    });
  });

  it('copies only the production packages, and only this platform’s native binaries', () => {
    const root = builtRepo();
    const out = path.join(root, 'build/hub');
    const modules = path.join(root, 'node_modules');
    prepareHubBundle({
      repoRoot: root,
      outDir: out,
      productionPackages: ['zod', '@scope/pkg', '@types/node', 'uWebSockets.js', 'better-sqlite3'].map(
        (name) => path.join(modules, name),
      ),
      target: { platform: 'linux', arch: 'x64', abi: '115' },
    });
    const shipped = (file: string): boolean => existsSync(path.join(out, 'node_modules', file));
    expect(shipped('zod/index.js')).toBe(true);
    expect(shipped('zod/node_modules/dev-only')).toBe(false);
    expect(shipped('@scope/pkg/index.js')).toBe(true);
    expect(shipped('dev-tool')).toBe(false);
    expect(shipped('@types/node')).toBe(false);
    expect(shipped('uWebSockets.js/src/uws.js')).toBe(true);
    expect(shipped('uWebSockets.js/binaries/uws_linux_x64_115.node')).toBe(true);
    expect(shipped('uWebSockets.js/binaries/uws_win32_x64_115.node')).toBe(false);
    expect(shipped('uWebSockets.js/binaries/uws_linux_x64_108.node')).toBe(false);
    expect(shipped('better-sqlite3/lib/index.js')).toBe(true);
    expect(shipped('better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(shipped('better-sqlite3/build/Release/obj.target')).toBe(false);
    expect(shipped('better-sqlite3/deps')).toBe(false);
  });

  it('refuses to stage a hub that has not been compiled', () => {
    const root = builtRepo();
    rmSync(path.join(root, 'dist'), { recursive: true });
    expect(() =>
      prepareHubBundle({ repoRoot: root, outDir: path.join(root, 'build/hub'), productionPackages: [] }),
    ).toThrow(/npm run build/);
  });

  it('finds this repository’s production packages with npm, without the dev tools', () => {
    const packages = listProductionPackages(realRepoRoot).map((dir) =>
      path.relative(path.join(realRepoRoot, 'node_modules'), dir),
    );
    expect(packages).toContain('better-sqlite3');
    expect(packages).toContain('uWebSockets.js');
    expect(packages).not.toContain('electron');
    expect(packages).not.toContain('vitest');
  });
});
