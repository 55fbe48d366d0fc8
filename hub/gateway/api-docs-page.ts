// Renders the OpenAPI document as one self-contained HTML page. The hub serves it on a LAN that may
// have no internet, so there is no CDN, no script and no external asset: just HTML and inline CSS.
import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiMethod,
  OpenApiOperation,
  OpenApiParameter,
} from './openapi-types.js';

const METHODS: readonly OpenApiMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
const UNTAGGED = 'other';

export interface ApiDocsPageOptions {
  /** Where the machine-readable document is served, linked from the header. */
  specUrl?: string;
}

interface Entry {
  readonly method: OpenApiMethod;
  readonly path: string;
  readonly op: OpenApiOperation;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Inside element content only &, < and > matter; keeps pretty-printed JSON readable in the source. */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function anchor(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function schemaBlock(title: string, schema: JsonSchema | undefined): string {
  if (schema === undefined) return '';
  return `<details open><summary>${escapeHtml(title)}</summary><pre>${escapeText(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function paragraphs(text: string | undefined): string {
  if (text === undefined || text.trim() === '') return '';
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

function parameterTable(parameters: readonly OpenApiParameter[]): string {
  if (parameters.length === 0) return '';
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td>` +
        `<td><code>${escapeHtml(JSON.stringify(p.schema))}</code>${p.description ? ` ${escapeHtml(p.description)}` : ''}</td></tr>`,
    )
    .join('');
  return `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function responsesSection(op: OpenApiOperation): string {
  const parts: string[] = [];
  const errors: string[] = [];
  for (const [status, response] of Object.entries(op.responses)) {
    const schema = response.content?.['application/json']?.schema;
    if (Number(status) < 400) {
      parts.push(`<h4>Response <span class="status ok">${escapeHtml(status)}</span></h4>`);
      parts.push(schema === undefined ? '<p class="muted">No body.</p>' : schemaBlock('JSON schema', schema));
    } else {
      const codes = response['x-error-codes'] ?? [response.description];
      errors.push(
        `<tr><td><span class="status err">${escapeHtml(status)}</span></td><td>${codes.map((c) => `<code>${escapeHtml(c)}</code>`).join(' ')}</td></tr>`,
      );
    }
  }
  if (errors.length > 0) {
    parts.push(`<h4>Errors</h4><table class="errors"><tbody>${errors.join('')}</tbody></table>`);
    parts.push('<p class="muted">Every error body is an <a href="#schema-errorbody">ErrorBody</a>.</p>');
  }
  return parts.join('');
}

function operationCard(entry: Entry): string {
  const { method, path, op } = entry;
  const roles = op['x-roles'] ?? [];
  const who =
    roles.length > 0
      ? `<span class="label">roles</span> ${roles.map((r) => `<span class="role">${escapeHtml(r)}</span>`).join(' ')}`
      : '<span class="role public">public</span>';
  const request = op.requestBody?.content['application/json']?.schema;
  return `<article class="op" id="${anchor(op.operationId)}">
<header><span class="method m-${method}">${method.toUpperCase()}</span><code class="path">${escapeHtml(path)}</code></header>
<p class="summary">${escapeHtml(op.summary)}</p>
<div class="who">${who}</div>
${paragraphs(op.description)}
${parameterTable(op.parameters)}
${request === undefined ? '' : `<h4>Request body</h4>${schemaBlock('JSON schema', request)}`}
${responsesSection(op)}
</article>`;
}

function groupByTag(doc: OpenApiDocument): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      for (const tag of op.tags.length > 0 ? op.tags : [UNTAGGED]) {
        const list = groups.get(tag) ?? [];
        list.push({ method, path, op });
        groups.set(tag, list);
      }
    }
  }
  return groups;
}

const CSS = `
:root{--bg:#fafaf9;--fg:#1c1917;--muted:#78716c;--card:#fff;--line:#e7e5e4;--code:#f5f5f4;--accent:#b45309}
@media (prefers-color-scheme:dark){:root{--bg:#1c1917;--fg:#f5f5f4;--muted:#a8a29e;--card:#292524;--line:#44403c;--code:#0c0a09;--accent:#f59e0b}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.layout{display:grid;grid-template-columns:220px 1fr;max-width:1200px;margin:0 auto;gap:2rem;padding:2rem 1.5rem}
@media (max-width:800px){.layout{grid-template-columns:1fr}nav{position:static!important}}
nav{position:sticky;top:1rem;align-self:start}
nav ul{list-style:none;padding:0;margin:0}nav li{margin:.25rem 0}
nav a{color:var(--fg);text-decoration:none}nav a:hover{color:var(--accent)}
.count{color:var(--muted);font-size:.8em}
h1{margin:0 0 .25rem}h2{margin:2.5rem 0 1rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h4{margin:1rem 0 .4rem;font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.version{color:var(--muted)}
a{color:var(--accent)}
.op{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.25rem;margin:0 0 1rem}
.op header{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
.method{font:700 .75rem/1 ui-monospace,SFMono-Regular,Menlo,monospace;padding:.35rem .55rem;border-radius:5px;color:#fff;min-width:4.2rem;text-align:center}
.m-get{background:#2563eb}.m-post{background:#16a34a}.m-put{background:#ca8a04}.m-patch{background:#9333ea}.m-delete{background:#dc2626}
.path{font-size:1rem;font-weight:600}
.summary{margin:.5rem 0 .25rem;font-weight:500}
.who{margin:.25rem 0}.label{color:var(--muted);font-size:.85em;margin-right:.25rem}
.role{display:inline-block;font-size:.8em;padding:.1rem .5rem;border-radius:999px;border:1px solid var(--accent);color:var(--accent)}
.role.public{border-color:var(--muted);color:var(--muted)}
.muted{color:var(--muted);font-size:.9em}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
pre{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:.75rem;overflow:auto;max-height:28rem;margin:.25rem 0}
details summary{cursor:pointer;color:var(--muted);font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
.status{font:700 .8em ui-monospace,monospace;padding:.1rem .4rem;border-radius:4px}
.status.ok{background:#dcfce7;color:#166534}.status.err{background:#fee2e2;color:#991b1b}
`;

export function renderApiDocsPage(doc: OpenApiDocument, options: ApiDocsPageOptions = {}): string {
  const groups = [...groupByTag(doc)].filter(([, entries]) => entries.length > 0);
  const nav = groups
    .map(
      ([tag, entries]) =>
        `<li><a href="#tag-${anchor(tag)}">${escapeHtml(tag)}</a> <span class="count">${entries.length}</span></li>`,
    )
    .join('');
  const sections = groups
    .map(
      ([tag, entries]) =>
        `<section id="tag-${anchor(tag)}"><h2>${escapeHtml(tag)}</h2>${entries.map(operationCard).join('\n')}</section>`,
    )
    .join('\n');
  const shared = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<div id="schema-${anchor(name)}">${schemaBlock(name, schema)}</div>`)
    .join('');
  const spec =
    options.specUrl === undefined ? '' : ` · <a href="${escapeHtml(options.specUrl)}">OpenAPI JSON</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — API</title>
<style>${CSS}</style>
</head>
<body>
<div class="layout">
<nav><strong>Sections</strong><ul>${nav}<li><a href="#shared-schemas">Shared schemas</a></li></ul></nav>
<main>
<h1>${escapeHtml(doc.info.title)}</h1>
<div class="version">version ${escapeHtml(doc.info.version)} · OpenAPI ${doc.openapi}${spec}</div>
${paragraphs(doc.info.description)}
<p class="muted">Guarded routes take <code>Authorization: Bearer &lt;JWT&gt;</code>. Every response carries <code>X-Request-ID</code>; send your own (up to 64 of <code>A-Z a-z 0-9 . _ -</code>) to correlate logs.</p>
${sections}
<section id="shared-schemas"><h2>Shared schemas</h2>${shared}</section>
</main>
</div>
</body>
</html>
`;
}
