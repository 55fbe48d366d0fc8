// Copies the Node that runs this script (process.execPath) into build/node/, which
// electron-builder ships as the hub's runtime (extraResources → <resources>/node/). It must be
// Node 20: the hub's native modules (better-sqlite3, uWebSockets.js) in node_modules were built
// for Node 20's ABI by `npm install`, and they load only into that ABI.
// Run with the Node 20 that installed node_modules: npx tsx electron/prepare-node-runtime.ts
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Node 20's module ABI (process.versions.modules); uWebSockets.js picks its binary by it. */
export const hubNodeAbi = '115';

export interface NodeRuntimeSource {
  readonly execPath: string;
  readonly version: string;
  readonly abi: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
}

export const thisNode: NodeRuntimeSource = {
  execPath: process.execPath,
  version: process.versions.node,
  abi: process.versions.modules,
  platform: process.platform,
  arch: process.arch,
};

export function assertHubNode(source: NodeRuntimeSource): void {
  if (source.abi !== hubNodeAbi || !source.version.startsWith('20.')) {
    throw new Error(
      `the hub ships on Node 20 (module ABI ${hubNodeAbi}), but this is Node ${source.version} (ABI ${source.abi}); ` +
        'run the desktop build with the Node 20 that installed node_modules',
    );
  }
}

/** Copies the runtime into `outDir` and returns the copied executable's path. */
export function prepareNodeRuntime(outDir: string, source: NodeRuntimeSource = thisNode): string {
  assertHubNode(source);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, source.platform === 'win32' ? 'node.exe' : 'node');
  copyFileSync(source.execPath, target);
  chmodSync(target, 0o755);
  // Says what was shipped, for support questions about an installed app.
  writeFileSync(
    path.join(outDir, 'runtime.json'),
    `${JSON.stringify({ node: source.version, abi: source.abi, platform: source.platform, arch: source.arch }, null, 2)}\n`,
  );
  return target;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = fileURLToPath(new URL('../build/node/', import.meta.url));
  const target = prepareNodeRuntime(outDir);
  console.log(
    `hub runtime: Node ${process.versions.node} (${process.platform}-${process.arch}) copied to ${path.relative(process.cwd(), target)}`,
  );
}
