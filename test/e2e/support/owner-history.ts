// Three weeks of believable service for a few branches, as the hubs' own event logs would hold it
// (HubLogSimulator numbers seqs, aggregates and the audit chain like hub/store/event-log.ts). The owner
// dashboard's screenshots are judged on a group with history, which one test hub cannot produce in
// seconds; the events still go through the real signed ingest and projections.
import type { DomainEvent } from '../../../protocol/events/event.js';
import type { HubLogSimulator } from '../../../cloud-sync/test-support/hub-log-simulator.js';
import * as ev from '../../../cloud-sync/test-support/sample-events.js';
import * as cat from '../../../cloud-sync/test-support/catalog-events.js';

export const DISHES: [string, string, string, number, string, string][] = [
  ['cana', 'Caña de cerveza', 'Draught beer', 300, 'bar', 'cat-drinks'],
  ['vino-tinto', 'Copa de vino tinto', 'Glass of red wine', 450, 'bar', 'cat-drinks'],
  ['agua', 'Agua mineral', 'Mineral water', 250, 'bar', 'cat-drinks'],
  ['croquetas', 'Croquetas de jamón', 'Ham croquettes', 900, 'grill', 'cat-starters'],
  ['bravas', 'Patatas bravas', 'Patatas bravas', 650, 'grill', 'cat-starters'],
  ['jamon', 'Jamón ibérico', 'Iberian ham', 2200, 'cold', 'cat-starters'],
  ['entrecot', 'Entrecot a la brasa', 'Grilled entrecôte', 2400, 'grill', 'cat-mains'],
  ['lubina', 'Lubina a la sal', 'Salt-baked sea bass', 2100, 'grill', 'cat-mains'],
  ['arroz', 'Arroz negro', 'Black rice', 1700, 'grill', 'cat-mains'],
  ['tarta', 'Tarta de queso', 'Cheesecake', 650, 'pastry', 'cat-desserts'],
  ['flan', 'Flan casero', 'Homemade flan', 550, 'pastry', 'cat-desserts'],
];

export function menuEvents(): DomainEvent[][] {
  const out: DomainEvent[][] = [];
  for (const s of ['bar', 'grill', 'cold', 'pastry']) out.push([cat.stationUpserted(s)]);
  const cats: [string, string, string][] = [
    ['cat-drinks', 'Bebidas', 'Drinks'],
    ['cat-starters', 'Entrantes', 'Starters'],
    ['cat-mains', 'Principales', 'Mains'],
    ['cat-desserts', 'Postres', 'Desserts'],
  ];
  cats.forEach(([id, es, en], i) =>
    out.push([
      {
        type: 'CategoryUpserted',
        data: { categoryId: id, name: { es, en }, position: i, active: true, catalogVersion: 1 },
      },
    ]),
  );
  for (const [id, es, en, price, station, categoryId] of DISHES) {
    const e = cat.productUpserted(id, price, { categoryId, station });
    (e.data as { name: unknown }).name = { es, en };
    (e.data as { allergens: unknown }).allergens = [];
    out.push([e]);
  }
  return out;
}

/** Seeded, so every run draws the same history (and the same screenshots). */
let rnd = 42;
const random = () => {
  rnd = (rnd * 1103515245 + 12345) % 2147483648;
  return rnd / 2147483648;
};

function item(itemId: string, dish: (typeof DISHES)[number], qty: number) {
  const it = ev.item(itemId, dish[0], dish[3], qty);
  it.name = { es: dish[1], en: dish[2] };
  return it;
}

/** Closed services over `days` days ending `endDay` (YYYY-MM-DD), and a few open tables on the last day. */
export function historyFor(
  log: HubLogSimulator,
  prefix: string,
  endDay: string,
  days: number,
  scale: number,
  openNow: boolean,
) {
  const end = Date.parse(`${endDay}T00:00:00Z`);
  let n = 0;
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(end - d * 86_400_000).toISOString().slice(0, 10);
    const services = Math.round((6 + random() * 8) * scale);
    for (let s = 0; s < services; s++) {
      const id = `${prefix}-${n++}`;
      const hour = [12, 13, 13, 14, 14, 15, 20, 20, 21, 21, 21, 22][Math.floor(random() * 12)]!;
      const at = (h: number, m: number) =>
        `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;
      const isToday = d === 0;
      if (isToday && hour >= 20) continue;
      log.append([ev.sessionOpened(id, `table-${1 + (s % 14)}`)], at(hour, 0));
      const items = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, k) =>
        item(`${id}-i${k}`, DISHES[Math.floor(random() * DISHES.length)]!, 1 + Math.floor(random() * 3)),
      );
      log.append([ev.roundPlaced(`${id}-r`, id, items)], at(hour, 5));
      const total = items.reduce((a, i) => a + i.unitPriceCents * i.qty, 0);
      const tip = random() < 0.5 ? Math.round(total * 0.05) : 0;
      const payment = ev.paymentRecorded(id, `${id}-p`, total, tip);
      (payment.data as { method: string }).method =
        random() < 0.62 ? 'CARD' : random() < 0.9 ? 'CASH' : 'OTHER';
      log.append([payment, ev.sessionClosed(id, total, tip)], at(hour + 1, 10 + Math.floor(random() * 40)));
    }
  }
  if (openNow) {
    for (let k = 0; k < 3; k++) {
      const id = `${prefix}-open-${k}`;
      log.append([ev.sessionOpened(id, `table-${k + 2}`)], `${endDay}T19:${10 + k}:00.000Z`);
      log.append(
        [ev.roundPlaced(`${id}-r`, id, [item(`${id}-i`, DISHES[6 + k]!, 2), item(`${id}-j`, DISHES[k]!, 2)])],
        `${endDay}T19:${20 + k}:00.000Z`,
      );
    }
  }
}
