// docs/PROTOCOL.md is checked against the zod schemas: every message type and field is documented,
// nothing documented is missing from the schemas, and every topic kind and close code is listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ERROR_CODES } from '../protocol/errors.js';
import { clientMessageSchema, serverMessageSchema, TOPIC_KINDS, WS_CLOSE } from '../protocol/ws-messages.js';
import { AGGREGATE_OF, EVENT_TYPES } from '../protocol/events/event.js';

const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'PROTOCOL.md'), 'utf8');

/** The text of the `### \`type\`` section, up to the next heading. */
function section(type: string): string | undefined {
  const start = doc.indexOf(`### \`${type}\``);
  if (start < 0) return undefined;
  const rest = doc.slice(start + 4);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

const documentedFields = (text: string) => [...text.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);

function messages(union: { options: readonly z.ZodObject[] }) {
  return union.options.map((o) => ({
    type: (o.shape.type as unknown as { value: string }).value,
    fields: Object.keys(o.shape),
  }));
}

describe('docs/PROTOCOL.md', () => {
  for (const [side, union] of [
    ['client', clientMessageSchema],
    ['hub', serverMessageSchema],
  ] as const) {
    for (const m of messages(union as unknown as { options: readonly z.ZodObject[] })) {
      it(`documents the ${side} message "${m.type}" with exactly its fields`, () => {
        const text = section(m.type);
        expect(text, `section for ${m.type}`).toBeDefined();
        expect(documentedFields(text!).sort()).toEqual([...m.fields].sort());
      });
    }
  }

  it('documents no message type the schemas do not have', () => {
    const known = new Set([
      ...messages(clientMessageSchema as unknown as { options: readonly z.ZodObject[] }).map((m) => m.type),
      ...messages(serverMessageSchema as unknown as { options: readonly z.ZodObject[] }).map((m) => m.type),
    ]);
    const headed = [...doc.matchAll(/^### `([a-z]+)`/gm)].map((m) => m[1]!);
    expect(headed.filter((h) => !known.has(h))).toEqual([]);
  });

  it('lists every topic kind, close code and error code', () => {
    for (const kind of TOPIC_KINDS) expect(doc).toMatch(new RegExp('\\| `' + kind + '(:<[a-zA-Z]+>)?` \\|'));
    for (const code of Object.values(WS_CLOSE)) expect(doc).toContain(`| \`${code}\` |`);
    for (const code of ERROR_CODES) expect(doc).toContain(`\`${code}\``);
  });

  it('lists every event type under its aggregate, and no type that does not exist', () => {
    const text = doc.slice(doc.indexOf('## Event types'), doc.indexOf('## Limits'));
    const rows = [...text.matchAll(/^\| `([a-zA-Z]+)` \| (.+) \|$/gm)];
    const listed = new Map(
      rows.flatMap((r) => [...r[2]!.matchAll(/`([A-Za-z]+)`/g)].map((m) => [m[1]!, r[1]!])),
    );
    for (const type of EVENT_TYPES) expect(listed.get(type), type).toBe(AGGREGATE_OF[type]);
    expect([...listed.keys()].filter((t) => !(EVENT_TYPES as string[]).includes(t))).toEqual([]);
  });
});
