// @vitest-environment happy-dom
// 200 open tickets on the board: every card, allergen and allergy note is there, one interval drives
// every age, and a change to one ticket renders that card alone (render time printed, not asserted).
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../shared/i18n.js';
import { createAgeClock } from './age-clock.js';
import type * as ageLabel from './age-label.js';
import { AgeClockContext } from './age-label.js';
import { Board, type BoardProps } from './Board.js';
import type { BoardTicket } from './board-types.js';
import { pendingEffects } from './pending-effects.js';
import { manyTickets } from './test-tickets.js';
import { en, es } from './texts.js';
import { DEFAULT_THRESHOLDS } from './timer-thresholds.js';

// Counts card renders: every TicketCard render renders its AgeLabel once (the real one).
const renders: string[] = [];
vi.mock('./age-label.js', async (importOriginal) => {
  const real = await importOriginal<typeof ageLabel>();
  return {
    ...real,
    AgeLabel: (p: Parameters<typeof real.AgeLabel>[0]) => {
      renders.push(p.since);
      return real.AgeLabel(p);
    },
  };
});

afterEach(cleanup);
// Made once, as main.tsx does: a new object would change the i18n context and render every card.
const dictionaries = { es, en };

function setup(tickets: BoardTicket[]) {
  localStorage.setItem('comanda.lang', 'es');
  const clock = createAgeClock(DEFAULT_THRESHOLDS);
  const props: BoardProps = {
    tickets,
    held: [],
    selectedId: null,
    itemCursor: -1,
    effects: pendingEffects([]),
    stationNames: null,
    loaded: true,
    onSelect: () => {},
  };
  const ui = (p: BoardProps) => (
    <I18nProvider dictionaries={dictionaries}>
      <AgeClockContext.Provider value={clock}>
        <Board {...p} />
      </AgeClockContext.Provider>
    </I18nProvider>
  );
  const view = render(ui(props));
  return { clock, props, rerender: (p: BoardProps) => view.rerender(ui(p)), container: view.container };
}

describe('the board with 200 open tickets', () => {
  it('renders every card with its allergens and allergy notes, never cut', () => {
    const started = performance.now();
    const { container, clock } = setup(manyTickets(200));
    const firstMs = performance.now() - started;
    expect(container.querySelectorAll('.ticket[data-ticket]')).toHaveLength(200);
    expect(container.querySelectorAll('.allergen')).toHaveLength(600);
    const alerts = container.querySelectorAll('.note-allergy');
    expect(alerts).toHaveLength(29);
    expect(alerts[0]!.textContent).toContain('ALERGIA frutos secos');
    expect(container.querySelector('.allergen')!.textContent).toBe('Gluten');
    // One clock holds every age label: no timer per card.
    expect(clock.size()).toBe(200);
    // …and colours every card by its age (these fixtures are hours old: late).
    expect(container.querySelectorAll('.ticket[data-level="late"]')).toHaveLength(200);
    console.log(`board 200 (happy-dom): first render ${firstMs.toFixed(1)} ms`);
  });

  it('renders only the card whose ticket changed, and only the two whose selection changed', () => {
    const tickets = manyTickets(200);
    const { props, rerender } = setup(tickets);
    renders.length = 0;

    const changed = [...tickets];
    changed[150] = { ...tickets[150]!, status: 'STARTED' };
    let started = performance.now();
    act(() => rerender({ ...props, tickets: changed }));
    const oneMs = performance.now() - started;
    expect(renders).toEqual([tickets[150]!.createdAt]);

    renders.length = 0;
    act(() => rerender({ ...props, tickets: changed, selectedId: 't100' }));
    act(() => rerender({ ...props, tickets: changed, selectedId: 't101' }));
    expect(renders).toHaveLength(3); // t100 selected, then t100 unselected + t101 selected

    // Bumping the first ticket shifts the 1–9 key hints of the next nine cards, and nothing else.
    renders.length = 0;
    started = performance.now();
    act(() => rerender({ ...props, tickets: changed.slice(1), selectedId: 't101' }));
    const bumpMs = performance.now() - started;
    expect(renders).toHaveLength(9);
    console.log(
      `board 200 (happy-dom): one ticket changed ${oneMs.toFixed(1)} ms; first ticket bumped ${bumpMs.toFixed(1)} ms`,
    );
  });
});
