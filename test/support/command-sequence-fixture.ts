// The demo branch's fixture as the random command sequences see it: which tables, products and staff
// they aim at. Kept apart so the resolver and the actor rules share one list and cannot drift.
import type { Actor } from '../../protocol/events/event.js';
import { ADMIN, COOK, MANAGER, WAITER_SALON, WAITER_TERRAZA } from './hub-fixture.js';

/** Three tables in the salon (Luis) and one on the terrace (Sofía); transfers may also go to two more. */
export const TABLES = ['table-1', 'table-2', 'table-3', 'table-9'] as const;
export const TRANSFER_TABLES = [...TABLES, 'table-4', 'table-10'];
export const PRODUCTS = [
  'prod-agua',
  'prod-cana',
  'prod-croquetas',
  'prod-ensalada',
  'prod-entrecot',
  'prod-flan',
  'prod-helado',
  'prod-vino-tinto',
];
/** Products whose stock the sequences count down (and sell out). */
export const STOCKED = ['prod-croquetas', 'prod-flan', 'prod-agua'];
export const DONENESS = ['rare', 'medium', 'well'];
export const STAFF: Actor[] = [ADMIN, MANAGER, WAITER_SALON, WAITER_TERRAZA, COOK];
