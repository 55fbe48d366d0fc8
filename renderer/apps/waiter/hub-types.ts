// The hub's read views as the waiter app uses them, from the schemas in protocol/api-views.ts (types
// only: no zod in the bundle). test/read-views-match-docs.test.ts holds the hub to those schemas.
import type { z } from 'zod';
import type { floorViewSchema, menuViewSchema, sessionDetailSchema } from '../../../protocol/api-views.js';
import type {
  Allergen,
  Course,
  ItemStatus,
  PaymentMethod,
  RoundStatus,
  TableState,
} from '../../../protocol/domain-values.js';

export type { Allergen, Course, ItemStatus, PaymentMethod, RoundStatus, TableState };

export type FloorView = z.infer<typeof floorViewSchema>;
export type SectorView = FloorView['sectors'][number];
export type TableView = SectorView['tables'][number];

export type MenuView = z.infer<typeof menuViewSchema>;
export type CategoryView = MenuView['categories'][number];
export type ProductView = CategoryView['products'][number];

export type SessionDetail = z.infer<typeof sessionDetailSchema>;
export type RoundView = SessionDetail['rounds'][number];
export type ItemView = RoundView['items'][number];
export type SplitView = NonNullable<SessionDetail['split']>;
export type ShareView = SplitView['shares'][number];
export type PaymentView = SessionDetail['payments'][number];
/** A discount on the check, as given: `value` is cents for AMOUNT, basis points for PERCENT. */
export type DiscountView = SessionDetail['discounts'][number];
export type ServiceCallView = SessionDetail['serviceCalls'][number];
export type CheckLine = SessionDetail['check']['lines'][number];
