// Bump-bar keys → actions. Kitchen bump bars are keyboards with a few big keys (arrows, digits, Enter),
// so everything the screen does can be done from them; the letters are for a full keyboard.
export type BumpBarAction =
  | { type: 'move'; dir: 'left' | 'right' | 'up' | 'down' }
  | { type: 'pick'; n: number }
  | { type: 'item'; delta: 1 | -1 }
  | { type: 'bump' }
  | { type: 'start' }
  | { type: 'recall' }
  | { type: 'allDay' }
  | { type: 'station' }
  | { type: 'mute' }
  | { type: 'settings' }
  | { type: 'help' }
  | { type: 'escape' };

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function keyAction(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): BumpBarAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const arrow = ARROWS[e.key];
  if (arrow) return { type: 'move', dir: arrow };
  if (/^[1-9]$/.test(e.key)) return { type: 'pick', n: Number(e.key) };
  switch (e.key) {
    case 'Tab':
      return { type: 'item', delta: e.shiftKey ? -1 : 1 };
    case 'Enter':
    case ' ':
      return { type: 'bump' };
    case 'Escape':
      return { type: 'escape' };
    case '?':
      return { type: 'help' };
  }
  switch (e.key.toLowerCase()) {
    case 'e':
      return { type: 'start' };
    case 'r':
      return { type: 'recall' };
    case 'a':
      return { type: 'allDay' };
    case 's':
      return { type: 'station' };
    case 'm':
      return { type: 'mute' };
    case 't':
      return { type: 'settings' };
    case 'h':
      return { type: 'help' };
    default:
      return null;
  }
}

/** The grid index after moving from `index` in a grid of `columns` columns and `count` cards. */
export function moveIndex(
  index: number,
  dir: 'left' | 'right' | 'up' | 'down',
  columns: number,
  count: number,
): number {
  if (count === 0) return -1;
  if (index < 0) return 0;
  const step = dir === 'left' ? -1 : dir === 'right' ? 1 : dir === 'up' ? -columns : columns;
  const next = index + step;
  if (next < 0) return dir === 'up' ? index : 0;
  if (next >= count) return dir === 'down' ? index : count - 1;
  return next;
}

/** Tab through a ticket's dishes: -1 is the whole ticket, then 0…n-1, and round again. */
export function cycleItem(cursor: number, delta: 1 | -1, count: number): number {
  const size = count + 1;
  return ((((cursor + 1 + delta) % size) + size) % size) - 1;
}
