// Builds every front-end in renderer/apps/<name>/ with Vite into renderer/dist/<name>/, then that app's
// service worker (sw.js) with the list of files it must keep for offline use.
//   npx tsx scripts/build-apps.ts              build all
//   npx tsx scripts/build-apps.ts waiter admin build some
//   npx tsx scripts/build-apps.ts --if-stale   skip when no source is newer than the last build (npm start)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { appConfig } from '../renderer/vite.config.js';

// React and Vite pick their production builds from NODE_ENV; a build started under vitest (NODE_ENV=test)
// would otherwise ship React's development build, twice the size.
process.env.NODE_ENV = 'production';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'renderer');
const appsDir = path.join(rendererDir, 'apps');
const distDir = path.join(rendererDir, 'dist');
const stampFile = path.join(distDir, '.built');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'dist' || entry.name === 'node_modules' ? [] : listFiles(full);
    return [full];
  });
}

function newestSource(): number {
  const sources = [...listFiles(rendererDir), ...listFiles(path.join(root, 'protocol'))];
  return Math.max(0, ...sources.map((f) => statSync(f).mtimeMs));
}

async function buildServiceWorker(app: string): Promise<void> {
  const outDir = path.join(distDir, app);
  const files = listFiles(outDir)
    .map((f) => path.relative(outDir, f).split(path.sep).join('/'))
    .filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
  // The version changes whenever any shipped file does, so a new build replaces the old cache.
  const hash = createHash('sha256');
  for (const f of files.sort()) hash.update(f).update(readFileSync(path.join(outDir, f)));
  await esbuild({
    entryPoints: [path.join(rendererDir, 'shared', 'sw', 'service-worker.ts')],
    outfile: path.join(outDir, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
    define: {
      __PRECACHE__: JSON.stringify(['./', ...files.filter((f) => f !== 'index.html')]),
      __VERSION__: JSON.stringify(hash.digest('hex').slice(0, 12)),
      __APP__: JSON.stringify(app),
    },
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ifStale = args.includes('--if-stale');
  const known = existsSync(appsDir)
    ? readdirSync(appsDir).filter((name) => existsSync(path.join(appsDir, name, 'index.html')))
    : [];
  const wanted = args.filter((a) => !a.startsWith('--'));
  const apps = wanted.length > 0 ? wanted : known;
  for (const app of wanted) {
    if (!known.includes(app)) throw new Error(`no app "${app}" in renderer/apps (have: ${known.join(', ')})`);
  }
  if (ifStale && existsSync(stampFile) && statSync(stampFile).mtimeMs >= newestSource()) {
    console.log('apps: up to date');
    return;
  }
  for (const app of apps) {
    const started = Date.now();
    await viteBuild({ ...appConfig(app), configFile: false });
    await buildServiceWorker(app);
    console.log(`apps: built ${app} in ${Date.now() - started} ms → renderer/dist/${app}/`);
  }
  if (wanted.length === 0) writeFileSync(stampFile, new Date().toISOString() + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
