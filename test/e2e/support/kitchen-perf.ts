/// <reference lib="dom.iterable" />
// In-page measurements for the kitchen display, with the browser's Performance API: frame intervals
// (requestAnimationFrame timestamps), long tasks, the age clock's own `kitchen:age-tick` measures, and
// the time from a bump key to the card leaving the screen (MutationObserver, then the next frame).
import type { Page } from 'playwright-core';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export async function measureIdleFrames(page: Page, ms: number) {
  const raw = await page.evaluate(
    (duration) =>
      new Promise<{ deltas: number[]; longTasks: number; ticks: number[] }>((resolve) => {
        const deltas: number[] = [];
        const ticks: number[] = [];
        let longTasks = 0;
        const lt = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
        try {
          lt.observe({ type: 'longtask' });
        } catch {
          /* not supported: stays 0 */
        }
        const measures = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === 'kitchen:age-tick') ticks.push(e.duration);
        });
        measures.observe({ type: 'measure' });
        let last = performance.now();
        const end = last + duration;
        const frame = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(frame);
          else {
            lt.disconnect();
            measures.disconnect();
            resolve({ deltas: deltas.slice(1), longTasks, ticks });
          }
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
  const sum = raw.ticks.reduce((a, b) => a + b, 0);
  return {
    frames: raw.deltas.length,
    p50: percentile(raw.deltas, 50),
    p95: percentile(raw.deltas, 95),
    max: Math.max(0, ...raw.deltas),
    longTasks: raw.longTasks,
    ticks: raw.ticks.length,
    tickMean: raw.ticks.length ? sum / raw.ticks.length : 0,
    tickMax: Math.max(0, ...raw.ticks),
  };
}

/** Bumps the selected ticket `count` times with Enter, timing each from the key to the next frame. */
export async function measureBumps(page: Page, count: number) {
  const samples: number[] = [];
  const cardsRendered: number[] = [];
  for (let k = 0; k < count; k++) {
    await page.evaluate(() => {
      const w = window as unknown as { __bump?: Promise<{ ms: number; touched: number }> };
      w.__bump = new Promise((resolve) => {
        const card = document.querySelector<HTMLElement>('.ticket[aria-selected="true"]');
        const board = document.querySelector('.board');
        if (!card || !board) throw new Error('no selected ticket');
        let t0 = 0;
        const touched = new Set<Element>();
        window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const mo = new MutationObserver((records) => {
          for (const r of records) {
            const target = r.target instanceof Element ? r.target : r.target.parentElement;
            // The age clock's own writes are not renders.
            if (!target || target.closest('.age') || r.attributeName === 'data-level') continue;
            const owner = target.closest('.ticket');
            if (owner && owner !== card) touched.add(owner);
          }
          if (!card.isConnected) {
            mo.disconnect();
            requestAnimationFrame(() => resolve({ ms: performance.now() - t0, touched: touched.size }));
          }
        });
        mo.observe(board, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.keyboard.press('Enter');
    const r = await page.evaluate(
      () => (window as unknown as { __bump: Promise<{ ms: number; touched: number }> }).__bump,
    );
    samples.push(r.ms);
    cardsRendered.push(r.touched);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    max: Math.max(...samples),
    cardsRendered,
  };
}
