// A table's live state is derived from its session and items, never set by hand.
import type { ItemStatus, SessionStatus, TableState } from '../../protocol/domain-values.js';

export interface TableFacts {
  sessionStatus: SessionStatus | null;
  itemCounts: Partial<Record<ItemStatus, number>>;
}

export function tableStateOf(facts: TableFacts): TableState {
  const { sessionStatus, itemCounts } = facts;
  if (sessionStatus === null || !['OPEN', 'CHECK_REQUESTED', 'PAYING'].includes(sessionStatus)) return 'FREE';
  if (sessionStatus === 'PAYING') return 'PAYING';
  if (sessionStatus === 'CHECK_REQUESTED') return 'CHECK_REQUESTED';
  if ((itemCounts.READY ?? 0) > 0) return 'FOOD_READY';
  const ordered = (['HELD', 'FIRED', 'SERVED'] as const).some((s) => (itemCounts[s] ?? 0) > 0);
  return ordered ? 'ORDERED' : 'SEATED';
}
