// One interval drives every ticket's age: each card registers its age label once, and the clock writes
// the text and the card's data-level straight into the DOM once a second. No React render per tick,
// no timer per card, and only writes (never a layout read), so 200 cards cost a few hundred µs a tick.
import { ageLevel, formatAge, type Thresholds } from './timer-thresholds.js';

interface Entry {
  since: number;
  card: HTMLElement | null;
}

export interface AgeClock {
  /** Starts showing the age since `sinceMs` in `label`, colouring `card` (data-level); returns unregister. */
  register(label: HTMLElement, sinceMs: number, card: HTMLElement | null): () => void;
  /** A label derived from the tick (the wall clock, the count of late tickets); returns unregister. */
  registerText(label: HTMLElement, render: (now: number, late: number) => string): () => void;
  setThresholds(th: Thresholds): void;
  /** Updates every label now (the interval calls it; tests call it with a clock of their own). */
  tick(now?: number): void;
  start(intervalMs?: number): () => void;
  size(): number;
}

export function createAgeClock(thresholds: Thresholds, now: () => number = () => Date.now()): AgeClock {
  const entries = new Map<HTMLElement, Entry>();
  const texts = new Map<HTMLElement, (now: number, late: number) => string>();
  let th = thresholds;
  let late = 0;

  function paint(label: HTMLElement, e: Entry, at: number): boolean {
    const age = at - e.since;
    write(label, formatAge(age));
    const level = ageLevel(age, th);
    if (e.card && e.card.dataset.level !== level) e.card.dataset.level = level;
    return level === 'late';
  }
  /** Changes the label's one text node in place: cheaper than textContent, which replaces the node. */
  function write(label: HTMLElement, text: string): void {
    const node = label.firstChild;
    if (node instanceof Text) {
      if (node.data !== text) node.data = text;
    } else {
      label.textContent = text;
    }
  }

  const clock: AgeClock = {
    register(label, sinceMs, card) {
      const entry = { since: sinceMs, card };
      entries.set(label, entry);
      paint(label, entry, now());
      return () => {
        if (entries.get(label) === entry) entries.delete(label);
      };
    },
    registerText(label, render) {
      texts.set(label, render);
      write(label, render(now(), late));
      return () => texts.delete(label);
    },
    setThresholds(next) {
      th = next;
      clock.tick();
    },
    tick(at = now()) {
      const started = performance.now();
      let count = 0;
      for (const [label, e] of entries) if (paint(label, e, at)) count += 1;
      late = count;
      for (const [label, render] of texts) write(label, render(at, late));
      // One entry kept (observers still see each): what a tick costs, for the 200-ticket probe.
      performance.clearMeasures?.('kitchen:age-tick');
      performance.measure?.('kitchen:age-tick', { start: started });
    },
    start(intervalMs = 1000) {
      const timer = setInterval(() => clock.tick(), intervalMs);
      return () => clearInterval(timer);
    },
    size: () => entries.size,
  };
  return clock;
}
