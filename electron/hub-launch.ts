// Where the hub and the Node runtime that runs it are, packaged or in development. The hub
// runs on a Node shipped with the app, not on Electron's: better-sqlite3 and uWebSockets.js
// are native modules built for Node 20's ABI, which Electron's embedded Node does not share.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface HubLaunchPlan {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Files that must exist for this plan to work (the runtime is checked only when packaged). */
  readonly requiredFiles: readonly string[];
}

export interface HubLaunchInput {
  readonly packaged: boolean;
  /** Electron's process.resourcesPath: where electron-builder's extraResources land. */
  readonly resourcesPath: string;
  /** The repository checkout, used in development only. */
  readonly repoRoot: string;
  readonly platform: NodeJS.Platform;
}

export function resolveHubLaunch(input: HubLaunchInput): HubLaunchPlan {
  if (input.packaged) {
    // Layout made by prepare-node-runtime.ts and prepare-hub-bundle.ts (see electron-builder.yml).
    const command = path.join(input.resourcesPath, 'node', input.platform === 'win32' ? 'node.exe' : 'node');
    const bundle = path.join(input.resourcesPath, 'hub');
    const entry = path.join(bundle, 'hub', 'main.js');
    return { command, args: [entry], cwd: bundle, requiredFiles: [command, entry] };
  }
  // Development: the `node` on PATH (Node 20, the one that built node_modules) runs the
  // TypeScript hub through tsx, exactly as `npm start` does.
  const entry = path.join('hub', 'main.ts');
  return {
    command: 'node',
    args: ['--import', 'tsx', entry],
    cwd: input.repoRoot,
    requiredFiles: [path.join(input.repoRoot, entry)],
  };
}

/** The required files that are missing, for an error that says what to build or reinstall. */
export function missingHubFiles(plan: HubLaunchPlan): string[] {
  return plan.requiredFiles.filter((file) => !existsSync(file));
}
