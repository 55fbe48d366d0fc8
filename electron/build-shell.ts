// Bundles the desktop shell for Electron into dist/electron/: the main process (app.main.cjs),
// the preload (bridge.preload.cjs) and the app's own package.json. CommonJS because a sandboxed
// preload can only be a CommonJS script that requires nothing but 'electron'; one file per
// process, and a package.json with no dependencies, because dist/electron is electron-builder's
// app directory (electron-builder.yml) and the shell must not drag the hub's node_modules,
// built for Node rather than Electron, into app.asar.
// Run: npx tsx electron/build-shell.ts
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultShellOutDir = path.join(here, '..', 'dist', 'electron');

export interface ShellBundle {
  readonly main: string;
  readonly preload: string;
  readonly packageJson: string;
  /** What each bundle still requires at run time (everything else is inside it). */
  readonly externalImports: { readonly main: string[]; readonly preload: string[] };
}

const externalsOf = (metafile: Metafile): string[] =>
  [
    ...new Set(
      Object.values(metafile.inputs).flatMap((input) =>
        input.imports.filter((i) => i.external).map((i) => i.path),
      ),
    ),
  ].sort();

export async function buildShell(outDir: string = defaultShellOutDir): Promise<ShellBundle> {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 41 embeds Node 24; node20 keeps the output readable by either.
    target: 'node20',
    external: ['electron'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  } satisfies BuildOptions;
  const main = path.join(outDir, 'app.main.cjs');
  const preload = path.join(outDir, 'bridge.preload.cjs');
  const [mainResult, preloadResult] = await Promise.all([
    build({ ...common, entryPoints: [path.join(here, 'app.main.ts')], outfile: main }),
    build({ ...common, entryPoints: [path.join(here, 'bridge.preload.ts')], outfile: preload }),
  ]);
  const packageJson = writeAppPackageJson(outDir, path.basename(main));
  return {
    main,
    preload,
    packageJson,
    externalImports: { main: externalsOf(mainResult.metafile), preload: externalsOf(preloadResult.metafile) },
  };
}

/** The packaged app's metadata: the repository's name and version, the bundle as main, no dependencies. */
function writeAppPackageJson(outDir: string, main: string): string {
  const root = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as {
    version: string;
    description?: string;
    license?: string;
  };
  const file = path.join(outDir, 'package.json');
  const app = {
    name: 'comanda',
    productName: 'Comanda',
    version: root.version,
    description: root.description ?? 'Comanda restaurant hub',
    author: { name: 'Comanda' },
    license: root.license,
    private: true,
    main,
  };
  writeFileSync(file, `${JSON.stringify(app, null, 2)}\n`);
  return file;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bundle = await buildShell();
  console.log(
    `desktop shell bundled: ${path.relative(process.cwd(), bundle.main)}, ${path.relative(process.cwd(), bundle.preload)}`,
  );
}
