// The offline API docs page: every route shown by tag, nothing fetched from outside, input escaped.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderApiDocsPage } from './api-docs-page.js';
import { buildOpenApi } from './openapi.js';

const doc = buildOpenApi({
  title: 'Comanda <hub>',
  version: '1.0.0',
  description: 'Local API for tablets.',
  routes: [
    {
      method: 'POST',
      path: '/api/sessions/:sessionId/rounds',
      summary: 'Submit a round',
      tags: ['rounds'],
      roles: ['waiter'],
      request: z.object({ commandId: z.string(), note: z.string().describe('free text <b>') }),
      response: z.object({ roundNo: z.number().int() }),
      errors: ['CONFLICT'],
    },
    {
      method: 'GET',
      path: '/api/menu',
      summary: 'Read the menu',
      tags: ['menu'],
      query: z.object({ lang: z.string().optional() }),
    },
  ],
});

const html = renderApiDocsPage(doc, { specUrl: '/api/openapi.json' });

describe('renderApiDocsPage', () => {
  it('is a complete HTML page with no external scripts, styles or fonts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('groups routes under their tags with method, path and summary', () => {
    const rounds = html.indexOf('id="tag-rounds"');
    const menu = html.indexOf('id="tag-menu"');
    expect(rounds).toBeGreaterThan(-1);
    expect(menu).toBeGreaterThan(rounds);
    const roundsSection = html.slice(rounds, menu);
    expect(roundsSection).toContain('>POST<');
    expect(roundsSection).toContain('/api/sessions/{sessionId}/rounds');
    expect(roundsSection).toContain('Submit a round');
    expect(html.slice(menu)).toContain('Read the menu');
  });

  it('shows roles for guarded routes and marks the others public', () => {
    expect(html).toMatch(/<span class="role">waiter<\/span>/);
    expect(html).toMatch(/class="role public">public</);
  });

  it('pretty-prints request and response schemas and lists errors with the shared error body', () => {
    expect(html).toContain('Request body');
    expect(html).toContain('"commandId": {');
    expect(html).toContain('"roundNo": {');
    expect(html).toMatch(/<span class="status err">409<\/span><\/td><td><code>CONFLICT<\/code>/);
    expect(html).toContain('id="schema-errorbody"');
  });

  it('lists query and path parameters', () => {
    expect(html).toMatch(/<code>sessionId<\/code><\/td><td>path<\/td><td>yes/);
    expect(html).toMatch(/<code>lang<\/code><\/td><td>query<\/td><td>no/);
  });

  it('escapes text that comes from the document', () => {
    expect(html).toContain('Comanda &#60;hub&#62;');
    expect(html).not.toContain('<hub>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('free text &#60;b&#62;');
  });

  it('links the machine-readable document', () => {
    expect(html).toContain('href="/api/openapi.json"');
  });
});
