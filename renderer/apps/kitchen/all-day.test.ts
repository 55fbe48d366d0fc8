import { describe, expect, it } from 'vitest';
import { allDayCounts } from './all-day.js';
import { boardTicket, item } from './test-tickets.js';

describe('all-day counts', () => {
  const tickets = [
    boardTicket('a', { items: [item('a1', 'Croquetas', { qty: 2 }), item('a2', 'Bravas', { qty: 1 })] }),
    boardTicket('b', {
      status: 'STARTED',
      bumpedItemIds: ['b2'],
      items: [
        item('b1', 'Croquetas', { qty: 3 }),
        item('b2', 'Bravas', { qty: 4 }),
        item('b3', 'Gambas', { status: 'VOIDED' }),
      ],
    }),
    boardTicket('c', { status: 'READY', items: [item('c1', 'Croquetas', { qty: 9, status: 'READY' })] }),
  ];
  const held = [
    {
      roundId: 'r',
      sessionId: 's',
      station: 'grill',
      course: 'main',
      tableLabel: '1',
      roundNumber: 1,
      waiterName: null,
      submittedAt: null,
      items: [
        {
          id: 'h1',
          name: { es: 'Entrecot', en: 'Steak' },
          qty: 2,
          modifiers: [],
          notes: '',
          allergens: [],
          seat: null,
        },
      ],
    },
  ];

  it('counts what is still to make per dish: open tickets only, bumped and voided dishes left out', () => {
    expect(allDayCounts(tickets, []).map((l) => [l.key, l.open])).toEqual([
      ['Croquetas', 5],
      ['Bravas', 1],
    ]);
  });

  it('adds held dishes in their own column, after the ones to make now', () => {
    const lines = allDayCounts(tickets, held);
    expect(lines.at(-1)).toMatchObject({ key: 'Entrecot', open: 0, held: 2 });
  });

  it('leaves out tickets bumped on this screen and still waiting for the hub', () => {
    expect(allDayCounts(tickets, [], new Set(['a'])).map((l) => [l.key, l.open])).toEqual([['Croquetas', 3]]);
  });
});
