import { describe, expect, it } from 'vitest';
import { floorAlerts } from './floor-changes.js';
import type { FloorView, TableView } from './hub-types.js';

const table = (id: string, over: Partial<TableView> = {}): TableView => ({
  id,
  label: id.replace('table-', ''),
  seats: 4,
  joinCode: 'ABC123',
  state: 'ORDERED',
  serviceCall: false,
  sessionId: `s-${id}`,
  guests: 2,
  openedAt: '2026-11-27T21:00:00.000Z',
  ...over,
});
const floor = (...tables: TableView[]): FloorView => ({
  sectors: [
    { id: 'sector-salon', name: 'Salón', tables: tables.filter((t) => t.id !== 'table-9') },
    { id: 'sector-terraza', name: 'Terraza', tables: tables.filter((t) => t.id === 'table-9') },
  ],
});

describe('floor alerts', () => {
  it('tells when food becomes ready or a table starts calling, once', () => {
    const before = floor(table('table-1'), table('table-2'));
    const after = floor(table('table-1', { state: 'FOOD_READY' }), table('table-2', { serviceCall: true }));
    expect(floorAlerts(before, after, null).map((a) => [a.kind, a.label])).toEqual([
      ['ready', '1'],
      ['call', '2'],
    ]);
    expect(floorAlerts(after, after, null)).toEqual([]);
  });

  it('says nothing on the first load, nor about other sectors', () => {
    const after = floor(table('table-1', { state: 'FOOD_READY' }), table('table-9', { serviceCall: true }));
    expect(floorAlerts(null, after, null)).toEqual([]);
    const before = floor(table('table-1', { state: 'FOOD_READY' }), table('table-9'));
    expect(floorAlerts(before, after, new Set(['sector-salon']))).toEqual([]);
  });
});
