// The demo restaurant created on first start: two sectors, 14 tables, four stations, 40 dishes, five staff.
import type { Command } from '../../protocol/commands/command.js';
import type { Allergen, Course } from '../../protocol/domain-values.js';
import { branchSettingsSchema, type BranchSettings } from '../../protocol/domain-values.js';

export const DEMO_BRANCH = {
  tenantId: 'tenant-demo',
  tenantName: 'Grupo Comanda Demo',
  branchId: 'branch-demo',
  branchName: 'Comanda Centro',
  settings: branchSettingsSchema.parse({
    serviceChargeBp: 1000,
    serviceChargeMinGuests: 8,
  }) as BranchSettings,
};

export const DEMO_STAFF = [
  { staffId: 'staff-ana', name: 'Ana', role: 'ADMIN', pin: '1111', sectors: [] },
  { staffId: 'staff-marta', name: 'Marta', role: 'MANAGER', pin: '2222', sectors: [] },
  { staffId: 'staff-luis', name: 'Luis', role: 'WAITER', pin: '3333', sectors: ['sector-salon'] },
  { staffId: 'staff-sofia', name: 'Sofía', role: 'WAITER', pin: '4444', sectors: ['sector-terraza'] },
  { staffId: 'staff-jorge', name: 'Jorge', role: 'KITCHEN', pin: '5555', sectors: [] },
] as const;

const STATIONS = [
  ['grill', 'Parrilla'],
  ['cold', 'Fríos'],
  ['bar', 'Barra'],
  ['pastry', 'Pastelería'],
] as const;

const CATEGORIES = [
  ['cat-drinks', 'Bebidas', 'Drinks'],
  ['cat-starters', 'Entrantes', 'Starters'],
  ['cat-mains', 'Principales', 'Mains'],
  ['cat-desserts', 'Postres', 'Desserts'],
] as const;

type Dish = [
  id: string,
  es: string,
  en: string,
  cents: number,
  station: string,
  course: Course,
  allergens: Allergen[],
];
const DISHES: Dish[] = [
  ['agua', 'Agua mineral', 'Mineral water', 250, 'bar', 'drink', []],
  ['cana', 'Caña de cerveza', 'Draught beer', 300, 'bar', 'drink', ['gluten']],
  ['vino-tinto', 'Copa de vino tinto', 'Glass of red wine', 450, 'bar', 'drink', ['sulphites']],
  ['vino-blanco', 'Copa de vino blanco', 'Glass of white wine', 450, 'bar', 'drink', ['sulphites']],
  ['refresco', 'Refresco', 'Soft drink', 280, 'bar', 'drink', []],
  ['zumo', 'Zumo de naranja natural', 'Fresh orange juice', 380, 'bar', 'drink', []],
  ['cafe', 'Café solo', 'Espresso', 180, 'bar', 'drink', []],
  ['cortado', 'Cortado', 'Cortado', 200, 'bar', 'drink', ['milk']],
  ['vermut', 'Vermut de grifo', 'House vermouth', 400, 'bar', 'drink', ['sulphites']],
  ['sangria', 'Jarra de sangría', 'Jug of sangria', 1400, 'bar', 'drink', ['sulphites']],
  ['ensalada', 'Ensalada de la huerta', 'Garden salad', 950, 'cold', 'starter', ['mustard']],
  ['gazpacho', 'Gazpacho andaluz', 'Andalusian gazpacho', 750, 'cold', 'starter', ['gluten']],
  ['jamon', 'Jamón ibérico', 'Iberian ham', 2200, 'cold', 'starter', []],
  ['queso', 'Tabla de quesos', 'Cheese board', 1600, 'cold', 'starter', ['milk', 'tree_nuts']],
  [
    'boquerones',
    'Boquerones en vinagre',
    'Marinated anchovies',
    850,
    'cold',
    'starter',
    ['fish', 'sulphites'],
  ],
  ['croquetas', 'Croquetas de jamón', 'Ham croquettes', 900, 'grill', 'starter', ['gluten', 'milk', 'eggs']],
  ['bravas', 'Patatas bravas', 'Patatas bravas', 650, 'grill', 'starter', ['eggs']],
  ['pimientos', 'Pimientos de Padrón', 'Padrón peppers', 700, 'grill', 'starter', []],
  [
    'calamares',
    'Calamares a la romana',
    'Fried squid',
    1100,
    'grill',
    'starter',
    ['molluscs', 'gluten', 'eggs'],
  ],
  ['gambas', 'Gambas al ajillo', 'Garlic prawns', 1400, 'grill', 'starter', ['crustaceans']],
  ['provoleta', 'Provoleta', 'Grilled provolone', 950, 'grill', 'starter', ['milk']],
  ['empanada', 'Empanada de carne', 'Beef empanada', 450, 'grill', 'starter', ['gluten', 'eggs']],
  ['entrecot', 'Entrecot a la brasa', 'Grilled sirloin', 2400, 'grill', 'main', []],
  ['bife', 'Bife de chorizo', 'Strip steak', 2600, 'grill', 'main', []],
  ['secreto', 'Secreto ibérico', 'Iberian pork secreto', 1900, 'grill', 'main', []],
  ['pollo', 'Pollo al limón', 'Lemon chicken', 1500, 'grill', 'main', ['celery']],
  ['lubina', 'Lubina a la plancha', 'Grilled sea bass', 2100, 'grill', 'main', ['fish']],
  ['pulpo', 'Pulpo a la gallega', 'Galician octopus', 2200, 'grill', 'main', ['molluscs']],
  [
    'paella',
    'Paella de marisco',
    'Seafood paella',
    2000,
    'grill',
    'main',
    ['crustaceans', 'molluscs', 'fish'],
  ],
  [
    'burger',
    'Hamburguesa de la casa',
    'House burger',
    1450,
    'grill',
    'main',
    ['gluten', 'milk', 'sesame', 'mustard'],
  ],
  ['risotto', 'Risotto de setas', 'Mushroom risotto', 1600, 'grill', 'main', ['milk', 'celery']],
  [
    'milanesa',
    'Milanesa napolitana',
    'Milanesa napolitana',
    1700,
    'grill',
    'main',
    ['gluten', 'eggs', 'milk'],
  ],
  ['tofu', 'Tofu salteado con verduras', 'Stir-fried tofu', 1300, 'grill', 'main', ['soy', 'sesame']],
  ['flan', 'Flan casero', 'Homemade flan', 550, 'pastry', 'dessert', ['eggs', 'milk']],
  ['tarta-queso', 'Tarta de queso', 'Cheesecake', 650, 'pastry', 'dessert', ['milk', 'eggs', 'gluten']],
  ['crema', 'Crema catalana', 'Crema catalana', 600, 'pastry', 'dessert', ['milk', 'eggs']],
  [
    'brownie',
    'Brownie con nueces',
    'Walnut brownie',
    650,
    'pastry',
    'dessert',
    ['gluten', 'eggs', 'milk', 'tree_nuts'],
  ],
  ['helado', 'Helado artesano', 'Artisan ice cream', 500, 'pastry', 'dessert', ['milk']],
  ['fruta', 'Fruta de temporada', 'Seasonal fruit', 450, 'pastry', 'dessert', []],
  [
    'panqueque',
    'Panqueque con dulce de leche',
    'Dulce de leche crêpe',
    600,
    'pastry',
    'dessert',
    ['gluten', 'milk', 'eggs'],
  ],
];

const CATEGORY_OF: Record<Course, string> = {
  drink: 'cat-drinks',
  starter: 'cat-starters',
  main: 'cat-mains',
  dessert: 'cat-desserts',
};

const TAX_OF: Record<Course, number> = { drink: 2100, starter: 1000, main: 1000, dessert: 1000 };

/** Steaks come with a doneness choice; the burger with paid extras. */
function modifiersFor(id: string) {
  if (id === 'entrecot' || id === 'bife' || id === 'burger') {
    const groups = [
      {
        id: 'doneness',
        name: { es: 'Punto', en: 'Doneness' },
        min: 1,
        max: 1,
        options: [
          { id: 'rare', name: { es: 'Poco hecho', en: 'Rare' }, priceDeltaCents: 0 },
          { id: 'medium', name: { es: 'Al punto', en: 'Medium' }, priceDeltaCents: 0 },
          { id: 'well', name: { es: 'Muy hecho', en: 'Well done' }, priceDeltaCents: 0 },
        ],
      },
    ];
    if (id === 'burger') {
      groups.push({
        id: 'extras',
        name: { es: 'Extras', en: 'Extras' },
        min: 0,
        max: 3,
        options: [
          { id: 'bacon', name: { es: 'Beicon', en: 'Bacon' }, priceDeltaCents: 150 },
          { id: 'egg', name: { es: 'Huevo', en: 'Egg' }, priceDeltaCents: 100 },
          { id: 'cheese', name: { es: 'Queso extra', en: 'Extra cheese' }, priceDeltaCents: 120 },
        ],
      });
    }
    return groups;
  }
  return [];
}

/** The commands that build the demo branch, with fixed ids and command ids so a rerun is a no-op. */
export function demoCommands(): Command[] {
  const cmds: Command[] = [];
  const id = (s: string) => `demo-${s}`;
  for (const [stationId, name] of STATIONS) {
    cmds.push({
      commandId: id(`station-${stationId}`),
      type: 'UpsertStation',
      payload: { stationId, name, position: cmds.length, active: true },
    });
  }
  CATEGORIES.forEach(([categoryId, es, en], position) => {
    cmds.push({
      commandId: id(categoryId),
      type: 'UpsertCategory',
      payload: { categoryId, name: { es, en }, position, active: true },
    });
  });
  for (const [productId, es, en, priceCents, station, course, allergens] of DISHES) {
    cmds.push({
      commandId: id(`product-${productId}`),
      type: 'UpsertProduct',
      payload: {
        productId: `prod-${productId}`,
        categoryId: CATEGORY_OF[course],
        name: { es, en },
        description: { es: '', en: '' },
        priceCents: priceCents as never,
        station,
        course,
        taxRateBp: TAX_OF[course],
        allergens,
        modifierGroups: modifiersFor(productId),
        active: true,
      },
    });
  }
  const sectors = [
    ['sector-salon', 'Salón', 8],
    ['sector-terraza', 'Terraza', 6],
  ] as const;
  let label = 1;
  sectors.forEach(([sectorId, name, tables], position) => {
    cmds.push({
      commandId: id(sectorId),
      type: 'UpsertSector',
      payload: { sectorId, name, position, active: true },
    });
    for (let i = 0; i < tables; i++, label++) {
      cmds.push({
        commandId: id(`table-${label}`),
        type: 'UpsertTable',
        payload: {
          tableId: `table-${label}`,
          sectorId,
          label: String(label),
          seats: label % 3 === 0 ? 6 : 4,
          active: true,
        },
      });
    }
  });
  for (const s of DEMO_STAFF) {
    cmds.push({
      commandId: id(s.staffId),
      type: 'CreateStaff',
      payload: { staffId: s.staffId, name: s.name, role: s.role, pin: s.pin },
    });
    if (s.sectors.length > 0) {
      cmds.push({
        commandId: id(`${s.staffId}-sectors`),
        type: 'AssignSectors',
        payload: { staffId: s.staffId, sectorIds: [...s.sectors] },
      });
    }
  }
  return cmds;
}
