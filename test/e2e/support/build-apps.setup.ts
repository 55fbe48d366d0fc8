// Vitest global setup for the browser tests: build the apps once (skipped when nothing changed).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-apps.ts', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
}
