// Shapes the diner app reads from the hub, as types only (no zod in the bundle).
import type { z } from 'zod';
import type { menuViewSchema } from '../../../protocol/api-views.js';

export type MenuView = z.infer<typeof menuViewSchema>;
export type MenuCategory = MenuView['categories'][number];
export type MenuProduct = MenuCategory['products'][number];
