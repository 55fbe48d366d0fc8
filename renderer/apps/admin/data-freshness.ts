// When the admin's reads must be fetched again: after each write of ours that the hub ran, and when the
// live feed (topic `admin`, every event of the branch) says something changed — a waiter 86'd a dish,
// a screen paired, stock ran down. Bursts of events (a whole round) collapse into one refetch.
import { createStore } from '../../shared/use-store.js';

/** Rises on every change; readers refetch when it moves. */
export const dataVersion = createStore(0);

let timer: ReturnType<typeof setTimeout> | undefined;

export function markStale(delayMs = 400): void {
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    dataVersion.set((v) => v + 1);
  }, delayMs);
}

/** After our own write: at once, so the form that just closed sees its change. */
export function refreshNow(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  dataVersion.set((v) => v + 1);
}
