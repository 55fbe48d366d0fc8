// Guards the promise in DESIGN.md: the hub runs on the uWS native binary, never the pure-JS fallback.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { uws, uwsBinaryName, uwsIsNative } from './uws-native.js';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** Loads uws-native.ts in a fresh Node whose ABI number matches no shipped binary. */
async function loadWithWrongAbi(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const modulePath = path.join(import.meta.dirname, 'uws-native.ts');
  const script =
    `Object.defineProperty(process.versions, 'modules', { value: '999' });` +
    `const m = await import(${JSON.stringify(modulePath)});` +
    `console.log(JSON.stringify({ native: m.uwsIsNative, hasApp: typeof m.uws.App }));`;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('uWebSockets.js loading', () => {
  it('loads the native binary for this platform and Node ABI', () => {
    expect(uwsIsNative).toBe(true);
    expect(uwsBinaryName).toBe(`uws_${process.platform}_${process.arch}_${process.versions.modules}.node`);
  });

  it('exposes the very module object that came from the .node file in the require cache', () => {
    const nativeEntries = Object.entries(require.cache).filter(([file]) =>
      file.endsWith(path.join('binaries', uwsBinaryName)),
    );
    expect(nativeEntries).toHaveLength(1);
    expect(nativeEntries[0]?.[1]?.exports).toBe(uws);
  });

  it('did not load the fallback implementation', () => {
    const fallbackLoaded = Object.keys(require.cache).some((file) =>
      file.endsWith(path.join('uWebSockets.js', 'dist', 'index.js')),
    );
    expect(fallbackLoaded).toBe(false);
  });

  it('refuses to start when the binary does not load, saying why and how to fix it', async () => {
    const result = await loadWithWrongAbi({ COMANDA_ALLOW_UWS_FALLBACK: '' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('uws_');
    expect(result.stderr).toContain('_999.node did not load');
    expect(result.stderr).toContain('COMANDA_ALLOW_UWS_FALLBACK=1');
  });

  it('runs on the fallback with a loud warning only when COMANDA_ALLOW_UWS_FALLBACK=1', async () => {
    const result = await loadWithWrongAbi({ COMANDA_ALLOW_UWS_FALLBACK: '1' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').pop() ?? '')).toEqual({
      native: false,
      hasApp: 'function',
    });
    expect(result.stderr).toContain('WARNING');
    expect(result.stderr).toContain('pure-JS fallback');
  });
});
