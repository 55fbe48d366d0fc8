// The catalog's changes and its cursor commit together or not at all (CommandBus.executeTogether).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandSchema } from '../../protocol/commands/command.js';
import { createHubFixture, type HubFixture } from '../../test/support/hub-fixture.js';
import { readCatalogCursor, writeCatalogCursor } from './sync-meta.js';

let hub: HubFixture;
beforeEach(async () => {
  hub = await createHubFixture();
});
afterEach(() => hub.close());

const meta = { actor: { kind: 'system', name: 'cloud-catalog' } as const, requestId: 'catalog-test' };
const upsert = (id: string) =>
  commandSchema.parse({
    commandId: id,
    type: 'UpsertCategory',
    payload: { categoryId: `cat-${id}`, name: { es: 'Nube', en: 'Cloud' } },
  });
const seen = (id: string) =>
  hub.db.write.prepare('SELECT 1 FROM command_log WHERE command_id = ?').get(id) !== undefined;

describe('changes and cursor in one transaction', () => {
  it('commits the commands and the cursor together', async () => {
    const results = await hub.bus.executeTogether([upsert('c1'), upsert('c2')], meta, (db) =>
      writeCatalogCursor(db, { version: 2, appliedAt: 'now' }),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(readCatalogCursor(hub.db.write)?.version).toBe(2);
    expect(seen('c1') && seen('c2')).toBe(true);
  });

  it('keeps neither when the cursor write fails', async () => {
    const before = hub.db.write.prepare('SELECT count(*) AS n FROM event').get();
    await expect(
      hub.bus.executeTogether([upsert('c3')], meta, (db) => {
        writeCatalogCursor(db, { version: 3, appliedAt: 'now' });
        throw new Error('disk full');
      }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(readCatalogCursor(hub.db.write)).toBeNull();
    expect(seen('c3')).toBe(false);
    expect(hub.db.write.prepare('SELECT count(*) AS n FROM event').get()).toEqual(before);
  });
});
