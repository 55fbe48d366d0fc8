// Which hub processes the supervisor tests drive. The contract tests run against every entry
// of `contractHubs`; the fault tests need the fixture's fault flags. To run the contract tests
// against another hub: COMANDA_SUPERVISOR_HUB=hub/main.ts npx vitest run electron/
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

export interface HubLaunch {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A TypeScript hub entry (relative to the repo root) run the way `npm start` runs it in development. */
export function tsHubLaunch(entry: string, extraArgs: readonly string[] = []): HubLaunch {
  return {
    name: entry,
    command: process.execPath,
    args: ['--import', 'tsx', entry, ...extraArgs],
    cwd: repoRoot,
  };
}

const fixtureSource = fileURLToPath(new URL('./fixture-hub.ts', import.meta.url));
let compiledFixture: string | undefined;

// The fixture is transpiled once per test process and run on plain node: the tests spawn it
// dozens of times, and tsx's start-up cost would dominate their run time.
function fixtureScript(): string {
  if (compiledFixture === undefined) {
    const { code } = transformSync(readFileSync(fixtureSource, 'utf8'), {
      loader: 'ts',
      format: 'esm',
      target: 'node20',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'comanda-fixture-hub-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    compiledFixture = path.join(dir, 'fixture-hub.mjs');
    writeFileSync(compiledFixture, code);
  }
  return compiledFixture;
}

export function fixtureHub(flags: readonly string[] = []): HubLaunch {
  return {
    name: 'the fixture hub',
    command: process.execPath,
    args: [fixtureScript(), ...flags],
    cwd: repoRoot,
  };
}

/** The real hub, as `npm start` runs it: the supervisor's contract is tested against what it will supervise. */
export const contractHubs: readonly HubLaunch[] = [
  tsHubLaunch(process.env.COMANDA_SUPERVISOR_HUB ?? 'hub/main.ts'),
];
