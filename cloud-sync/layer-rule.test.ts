// The layer rule for the cloud: cloud-sync imports protocol/, its own files and packages, never hub/;
// protocol/sync stays platform-free (no node: modules) so the hub relay and browsers can share it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : tsFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

describe('layer rule', () => {
  it('cloud-sync reaches no further than protocol/ and its own files', () => {
    const bad = tsFiles(join(ROOT, 'cloud-sync')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(ROOT, resolve(dirname(file), spec)))
        .filter((target) => !target.startsWith('cloud-sync') && !target.startsWith('protocol'))
        .map((target) => `${relative(ROOT, file)} → ${target}`),
    );
    expect(bad).toEqual([]);
  });

  it('protocol/sync uses no Node-only module', () => {
    const bad = tsFiles(join(ROOT, 'protocol', 'sync'))
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('node:'))
          .map((spec) => `${relative(ROOT, file)} → ${spec}`),
      );
    expect(bad).toEqual([]);
  });
});
