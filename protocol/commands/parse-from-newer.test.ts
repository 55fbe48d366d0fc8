import { describe, expect, it } from 'vitest';
import { commandSchema } from './command.js';
import { parseCommandFromNewerPeer } from './parse-from-newer.js';

const product = {
  productId: 'prod-x',
  categoryId: 'cat-tapas',
  name: { es: 'Tortilla', en: 'Omelette' },
  priceCents: 650,
  station: 'cold',
  course: 'starter',
};

describe('commands from a newer peer (the cloud catalog feed)', () => {
  it('are applied without the fields this hub does not know, and say which they were', () => {
    const change = {
      commandId: 'chg-1',
      type: 'UpsertProduct',
      payload: {
        ...product,
        carbonFootprint: 3,
        description: { es: 'Jugosa', en: 'Juicy', fr: 'Moelleuse' },
      },
    };
    // A tablet sending the same is refused: its own app should know the schema.
    expect(commandSchema.safeParse(change).success).toBe(false);
    const parsed = parseCommandFromNewerPeer(change);
    expect(parsed.success && parsed.ignored.sort()).toEqual([
      'payload.carbonFootprint',
      'payload.description.fr',
    ]);
    expect(parsed.success && parsed.data.payload).toMatchObject({
      ...product,
      description: { es: 'Jugosa', en: 'Juicy' },
    });
  });

  it('still refuse a change that is wrong in a field the hub knows', () => {
    const parsed = parseCommandFromNewerPeer({
      commandId: 'chg-2',
      type: 'UpsertProduct',
      payload: { ...product, priceCents: -5, extra: true },
    });
    expect(parsed.success).toBe(false);
  });
});
