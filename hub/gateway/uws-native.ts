// Loads the uWebSockets.js native binary directly, refusing the package's silent pure-JS fallback.
// The package's own entry point swaps in a slow Node implementation with only a console warning
// when the binary does not fit this Node build; the hub would then miss its latency and connection
// floors without anyone noticing. So we require the binary ourselves and fail loudly.
import { createRequire } from 'node:module';
import type * as UwsModule from 'uWebSockets.js';

/** The package's own typings, whichever implementation loads. */
export type Uws = typeof UwsModule;

const require = createRequire(import.meta.url);

/** The binary file name the package ships for this platform, CPU and Node ABI. */
export const uwsBinaryName = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;

/** Env switch that lets a developer run on the fallback anyway (tests of other layers, odd machines). */
export const UWS_FALLBACK_ENV = 'COMANDA_ALLOW_UWS_FALLBACK';

interface LoadedUws {
  readonly uws: Uws;
  readonly native: boolean;
}

function loadUws(): LoadedUws {
  try {
    return { uws: require(`uWebSockets.js/binaries/${uwsBinaryName}`) as Uws, native: true };
  } catch (cause) {
    // First line only: Node appends the whole require stack to MODULE_NOT_FOUND messages.
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    if (process.env[UWS_FALLBACK_ENV] !== '1') {
      throw new Error(
        `uWebSockets.js native binary ${uwsBinaryName} did not load (${reason}). ` +
          `The hub refuses the package's slow pure-JS fallback. Fix: run Node 20 (ABI 115) on a platform listed in ` +
          `node_modules/uWebSockets.js/binaries, or reinstall dependencies with \`npm ci\`. ` +
          `To start anyway on the fallback, set ${UWS_FALLBACK_ENV}=1.`,
        { cause },
      );
    }
    // Loud on purpose: everyone reading the log must see that this hub runs degraded.
    console.warn(
      `\n*** WARNING: uWebSockets.js native binary ${uwsBinaryName} did not load (${reason}).\n` +
        `*** ${UWS_FALLBACK_ENV}=1 is set, so the hub runs on the pure-JS fallback: much slower, fewer connections.\n`,
    );
    return { uws: require('uWebSockets.js/dist/index') as Uws, native: false };
  }
}

const loaded = loadUws();

/** The uWebSockets.js module in use; import this, never `uWebSockets.js` itself. */
export const uws: Uws = loaded.uws;

/** True when the native binary is the implementation in use. */
export const uwsIsNative: boolean = loaded.native;
