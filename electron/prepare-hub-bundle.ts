// Stages the compiled hub for electron-builder in build/hub/ (extraResources → <resources>/hub/).
// The folder mirrors the repository, so the hub finds its files the same way in both places,
// and it is also the hub's working directory when packaged:
//   build/hub/package.json      {"type":"module"} and the runtime dependencies
//   build/hub/hub/, protocol/   from dist/ (`npm run build`), plus the hub's non-TypeScript
//                               files (SQL migrations, JSON) copied from hub/
//   build/hub/renderer/dist/    the built staff apps, when they have been built
//   build/hub/node_modules/     the production dependencies exactly as installed here (native
//                               modules included, built for this machine's Node 20), minus
//                               other platforms' binaries and native build leftovers
// Run after `npm run build`: npx tsx electron/prepare-hub-bundle.ts
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertHubNode, thisNode } from './prepare-node-runtime.js';

export interface HubBundleOptions {
  readonly repoRoot: string;
  readonly outDir: string;
  /** Absolute folders of the production packages (default: `npm ls --omit=dev --all --parseable`). */
  readonly productionPackages?: readonly string[];
  /** The platform, arch and module ABI whose native binaries are kept. */
  readonly target?: { readonly platform: string; readonly arch: string; readonly abi: string };
}

export function listProductionPackages(repoRoot: string): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: repoRoot,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm ls failed; is node_modules complete?\n${result.stderr}`);
  return result.stdout
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && path.resolve(line) !== path.resolve(repoRoot));
}

/** "@scope/name" or "name" from a folder under node_modules, nested or not. */
function packageNameOf(relative: string): string {
  const parts = relative.split(path.sep);
  const last = parts.at(-1) ?? '';
  const scope = parts.at(-2);
  return scope?.startsWith('@') ? `${scope}/${last}` : last;
}

// Files a package does not need at run time that are big enough to matter in an installer.
function shipsFile(
  packageName: string,
  relative: string,
  target: NonNullable<HubBundleOptions['target']>,
): boolean {
  const file = relative.split(path.sep).join('/');
  if (packageName === 'uWebSockets.js' && file.endsWith('.node')) {
    // One binary per platform, arch and ABI is in the package; the hub loads exactly one.
    return file.endsWith(`_${target.platform}_${target.arch}_${target.abi}.node`);
  }
  if (packageName === 'better-sqlite3') {
    // The SQLite sources and compiler objects; the addon itself is build/Release/*.node.
    if (file === 'deps' || file.startsWith('deps/') || file === 'src' || file.startsWith('src/'))
      return false;
    if (file.startsWith('build/') && !(file === 'build/Release' || file.endsWith('.node'))) return false;
  }
  return true;
}

export function prepareHubBundle(options: HubBundleOptions): void {
  const { repoRoot, outDir } = options;
  const target = options.target ?? { platform: thisNode.platform, arch: thisNode.arch, abi: thisNode.abi };
  const dist = path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'hub', 'main.js'))) {
    throw new Error(`${path.join(dist, 'hub', 'main.js')} is missing: run \`npm run build\` first`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  for (const folder of ['hub', 'protocol']) {
    cpSync(path.join(dist, folder), path.join(outDir, folder), { recursive: true });
  }
  // tsc compiles only TypeScript; the hub's other files (migrations, JSON) come from the sources.
  cpSync(path.join(repoRoot, 'hub'), path.join(outDir, 'hub'), {
    recursive: true,
    filter: (source) => !/\.[cm]?tsx?$/.test(source),
  });
  const renderer = path.join(repoRoot, 'renderer', 'dist');
  if (existsSync(renderer)) cpSync(renderer, path.join(outDir, 'renderer', 'dist'), { recursive: true });

  const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version?: string;
    dependencies?: Record<string, string>;
  };
  const hubPackage = {
    name: 'comanda-hub',
    version: rootPackage.version,
    private: true,
    type: 'module',
    dependencies: rootPackage.dependencies,
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(hubPackage, null, 2)}\n`);

  const rootModules = path.join(repoRoot, 'node_modules');
  for (const packageDir of options.productionPackages ?? listProductionPackages(repoRoot)) {
    const relative = path.relative(rootModules, packageDir);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue; // not installed under node_modules
    const packageName = packageNameOf(relative);
    if (packageName.startsWith('@types/')) continue; // type declarations are never loaded
    cpSync(packageDir, path.join(outDir, 'node_modules', relative), {
      recursive: true,
      // Nested node_modules are listed (or not, when they are dev-only) on their own.
      filter: (source) => {
        const inside = path.relative(packageDir, source);
        if (inside === '') return true;
        if (inside.split(path.sep)[0] === 'node_modules') return false;
        return shipsFile(packageName, inside, target);
      },
    });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  assertHubNode(thisNode);
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const outDir = path.join(repoRoot, 'build', 'hub');
  prepareHubBundle({ repoRoot, outDir });
  console.log(`hub bundle staged in ${path.relative(process.cwd(), outDir)}`);
}
