import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareNodeRuntime, type NodeRuntimeSource } from './prepare-node-runtime.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fakeNode(overrides: Partial<NodeRuntimeSource> = {}): { source: NodeRuntimeSource; outDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'comanda-node-runtime-'));
  dirs.push(dir);
  const execPath = path.join(dir, 'the-node');
  writeFileSync(execPath, 'pretend ELF');
  const source = {
    execPath,
    version: '20.20.2',
    abi: '115',
    platform: 'linux',
    arch: 'x64',
    ...overrides,
  } as const;
  return { source, outDir: path.join(dir, 'build', 'node') };
}

describe('preparing the hub’s Node runtime', () => {
  it('copies the running Node into the output folder as an executable, with a note of what it is', () => {
    const { source, outDir } = fakeNode();
    const target = prepareNodeRuntime(outDir, source);
    expect(target).toBe(path.join(outDir, 'node'));
    expect(readFileSync(target, 'utf8')).toBe('pretend ELF');
    expect(statSync(target).mode & 0o111).not.toBe(0);
    expect(JSON.parse(readFileSync(path.join(outDir, 'runtime.json'), 'utf8'))).toEqual({
      node: '20.20.2',
      abi: '115',
      platform: 'linux',
      arch: 'x64',
    });
  });

  it('names it node.exe for Windows', () => {
    const { source, outDir } = fakeNode({ platform: 'win32' });
    expect(path.basename(prepareNodeRuntime(outDir, source))).toBe('node.exe');
  });

  it('refuses a Node other than 20, whose ABI the native modules were not built for', () => {
    const { source, outDir } = fakeNode({ version: '22.12.0', abi: '127' });
    expect(() => prepareNodeRuntime(outDir, source)).toThrow(/ships on Node 20 .*this is Node 22\.12\.0/);
    expect(existsSync(outDir)).toBe(false);
  });
});
