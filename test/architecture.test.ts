// The layer rule (docs/ARCHITECTURE.md): imports point one way, protocol ← domain ← store ← app ←
// gateway, and the desktop shell and the cloud tier stay out of the hub. Every .ts file under protocol/,
// hub/, cloud-sync/, electron/ and renderer/ is scanned; a failure lists each offending file and import.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, listTsFiles, type ImportRef } from './support/import-scan.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['protocol', 'hub', 'cloud-sync', 'electron', 'renderer'];
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const under = (path: string, ...dirs: string[]) => dirs.some((d) => path === d || path.startsWith(`${d}/`));

/** Test tooling a test file may use whatever its layer. */
const TEST_TOOLS = ['vitest', 'fast-check'];
/** Tests are not their layer's code: they may also use test tools and node: built-ins (a reference HMAC). */
const testExtra = (ref: ImportRef) =>
  isTest(ref.file) && (ref.kind === 'node' || (ref.kind === 'package' && TEST_TOOLS.includes(ref.target)));

interface Rule {
  name: string;
  /** Files the rule applies to. */
  files: (file: string) => boolean;
  /** Undefined when allowed, else why not. */
  check: (ref: ImportRef) => string | undefined;
}

const onlyProject =
  (...dirs: string[]) =>
  (ref: ImportRef) =>
    ref.kind === 'project' && !under(ref.target, ...dirs) && !(isTest(ref.file) && under(ref.target, 'test'))
      ? `may import only ${dirs.join(', ')}`
      : undefined;

const RULES: Rule[] = [
  {
    name: 'protocol/ imports only zod and protocol/',
    files: (f) => under(f, 'protocol'),
    check: (ref) =>
      onlyProject('protocol')(ref) ??
      (ref.kind !== 'project' && ref.target !== 'zod' && !testExtra(ref)
        ? 'protocol/ is shared by every process: zod only'
        : undefined),
  },
  {
    name: 'hub/domain/ imports only protocol/ and hub/domain/: pure, no I/O',
    files: (f) => under(f, 'hub/domain'),
    check: (ref) =>
      onlyProject('protocol', 'hub/domain')(ref) ??
      (ref.kind !== 'project' && !testExtra(ref)
        ? 'the domain does no I/O and uses no packages (no node:, better-sqlite3, uWebSockets.js, ioredis, pino)'
        : undefined),
  },
  {
    name: 'hub/store/ imports protocol/, hub/domain/, hub/store/, better-sqlite3, drizzle-orm and node: only',
    files: (f) => under(f, 'hub/store'),
    check: (ref) => {
      const project = onlyProject('protocol', 'hub/domain', 'hub/store')(ref);
      if (project) return project;
      if (ref.kind !== 'package' || testExtra(ref)) return undefined;
      const allowed = ['better-sqlite3', 'drizzle-orm'];
      // drizzle-kit's config file is build tooling (npm run db:generate), never loaded by the hub.
      if (ref.file === 'hub/store/drizzle.config.ts') allowed.push('drizzle-kit');
      return allowed.includes(ref.target)
        ? undefined
        : `the store may use only ${allowed.join(', ')} and node:`;
    },
  },
  {
    name: 'hub/app/ imports protocol/, hub/domain/, hub/store/, hub/app/ and hub/observability/ (never hub/gateway/)',
    files: (f) => under(f, 'hub/app'),
    check: onlyProject('protocol', 'hub/domain', 'hub/store', 'hub/app', 'hub/observability'),
  },
  {
    name: 'hub/gateway/ may import anything under hub/, and nothing below it imports the gateway',
    files: (f) => under(f, 'hub/domain', 'hub/store', 'hub/app'),
    check: (ref) =>
      ref.kind === 'project' && under(ref.target, 'hub/gateway')
        ? 'hub/gateway/ sits on top: import it from nowhere below'
        : undefined,
  },
  {
    name: 'electron/ does not import from hub/: it only starts the hub as a process',
    files: (f) => under(f, 'electron'),
    check: (ref) =>
      ref.kind === 'project' && under(ref.target, 'hub') ? 'start the hub as a process instead' : undefined,
  },
  {
    name: 'cloud-sync/ does not import from hub/: it only speaks the protocol',
    files: (f) => under(f, 'cloud-sync'),
    check: (ref) =>
      ref.kind === 'project' && under(ref.target, 'hub') ? 'use protocol/ instead' : undefined,
  },
  {
    name: 'renderer/ imports only renderer/, protocol/ and front-end packages: never hub/ or cloud-sync/',
    files: (f) => under(f, 'renderer'),
    check: (ref) => {
      const project = onlyProject('renderer', 'protocol')(ref);
      if (project) return project;
      if (ref.kind === 'project') return undefined;
      // The Vite config is build tooling run by Node; the apps themselves run in a browser.
      if (ref.file === 'renderer/vite.config.ts') {
        return ref.kind === 'node' || ['vite', '@vitejs/plugin-react'].includes(ref.target)
          ? undefined
          : 'the build config uses vite and node: only';
      }
      // zod for `z.infer` types of protocol views (`import type`: the bundle budget catches a value import).
      const allowed = ['react', 'react-dom', 'qrcode', 'uplot', 'zod'];
      if (isTest(ref.file)) allowed.push('vitest', '@testing-library/react', 'fast-check');
      return ref.kind === 'package' && allowed.includes(ref.target)
        ? undefined
        : `apps run in a browser: ${allowed.join(', ')} only`;
    },
  },
  {
    name: 'shipped code never imports from test/',
    files: (f) => !isTest(f),
    check: (ref) =>
      ref.kind === 'project' && under(ref.target, 'test') ? 'test helpers are for tests only' : undefined,
  },
];

const files = SCANNED.flatMap((dir) => listTsFiles(ROOT, dir));
const imports = files.flatMap((f) => importsOf(ROOT, f));

describe('the layer rule', () => {
  it('scans the source tree it is meant to guard', () => {
    for (const dir of ['protocol', 'hub/domain', 'hub/store', 'hub/app']) {
      expect(files.filter((f) => under(f, dir)).length, dir).toBeGreaterThan(3);
    }
    expect(imports.length).toBeGreaterThan(200);
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    const offending = imports
      .filter((ref) => rule.files(ref.file))
      .flatMap((ref) => {
        const why = rule.check(ref);
        return why ? [`${ref.file}: import '${ref.spec}' (${why})`] : [];
      });
    expect(offending).toEqual([]);
  });

  it('reads every kind of import, and not look-alikes in arguments or comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'comanda-scan-'));
    try {
      writeFileSync(
        join(dir, 'sample.ts'),
        [
          "import a from 'pkg-a';",
          "import type { B } from '../b.js';",
          'import {',
          '  c,',
          "} from '@scope/c/deep';",
          "import 'side-effect';",
          "export * from './d.js';",
          "const e = await import('node:fs');",
          "type F = import('./f.js').F;",
          "const g = require('g');",
          "spawn(process.execPath, ['--import', 'tsx']);",
          "// import x from 'commented-out';",
          "/* import y from 'also-commented' */",
          "const url = 'http://example.com/import';",
        ].join('\n'),
      );
      const found = importsOf(dir, 'sample.ts').map((r) => [r.kind, r.target]);
      expect(found.sort()).toEqual(
        [
          ['package', 'pkg-a'],
          ['project', '../b.js'],
          ['package', '@scope/c'],
          ['package', 'side-effect'],
          ['project', 'd.js'],
          ['node', 'node:fs'],
          ['project', 'f.js'],
          ['package', 'g'],
        ].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
