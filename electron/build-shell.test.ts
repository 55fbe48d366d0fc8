import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell, type ShellBundle } from './build-shell.js';

const outDir = mkdtempSync(path.join(tmpdir(), 'comanda-shell-'));
let bundle: ShellBundle;
beforeAll(async () => {
  bundle = await buildShell(outDir);
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the desktop shell bundle', () => {
  it('builds one CommonJS file per process', () => {
    expect(existsSync(bundle.main)).toBe(true);
    expect(existsSync(bundle.preload)).toBe(true);
    expect(path.basename(bundle.main)).toBe('app.main.cjs');
    expect(path.basename(bundle.preload)).toBe('bridge.preload.cjs');
  });

  it('writes the app’s package.json with the bundle as main and no dependencies to install', () => {
    const app = JSON.parse(readFileSync(bundle.packageJson, 'utf8')) as Record<string, unknown>;
    expect(app).toMatchObject({ name: 'comanda', productName: 'Comanda', main: 'app.main.cjs' });
    expect(app.dependencies).toBeUndefined();
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect(bundle.externalImports.preload).toEqual(['electron']);
  });

  it('needs no node_modules at run time: the main bundle requires only electron and Node built-ins', () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect(bundle.externalImports.main.filter((name) => name !== 'electron' && !builtins.has(name))).toEqual(
      [],
    );
  });
});
