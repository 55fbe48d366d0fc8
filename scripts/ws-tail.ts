// Support tool: connects to a hub's live feed and prints each event on one line.
//   npx tsx scripts/ws-tail.ts --role kitchen --station grill
//   npx tsx scripts/ws-tail.ts --token <jwt|cdv_…> --topics admin --after 120 --url ws://10.0.0.5:8080/ws
// With --role it signs in as the demo staff member of that role (PINs from the demo branch).
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { DEMO_STAFF } from '../hub/app/demo-branch.js';
import { serverMessageSchema } from '../protocol/ws-messages.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:8080/ws' },
    role: { type: 'string' },
    token: { type: 'string' },
    station: { type: 'string' },
    topics: { type: 'string' },
    after: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

async function tokenFor(): Promise<string> {
  if (values.token) return values.token;
  const role = (values.role ?? 'admin').toUpperCase();
  const staff = DEMO_STAFF.find((s) => s.role === role);
  if (!staff) throw new Error(`no demo staff with role ${role}; pass --token`);
  const base = values.url.replace(/^ws/, 'http').replace(/\/ws$/, '');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId: staff.staffId, pin: staff.pin }),
  });
  if (!res.ok) throw new Error(`login as ${role} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function topics(): string[] | undefined {
  if (values.topics) return values.topics.split(',').map((t) => t.trim());
  if (values.station) return [`kitchen:${values.station}`];
  return undefined;
}

function line(raw: string): string {
  if (values.json) return raw;
  const parsed = serverMessageSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return `?? ${raw}`;
  const m = parsed.data;
  switch (m.type) {
    case 'event': {
      const e = m.event;
      return `${String(m.seq).padStart(7)} ${e.occurredAt} ${e.type.padEnd(22)} ${e.aggregateType}:${e.aggregateId} ${JSON.stringify(e.data)}`;
    }
    case 'welcome':
      return `# connected as ${JSON.stringify(m.principal)}; hub at seq ${m.lastSeq}; may read ${m.allowedTopics.join(' ')}`;
    case 'subscribed':
      return `# following ${m.topics.join(' ')} (replayed ${m.replayed} after ${m.afterSeq}); live from seq ${m.lastSeq}`;
    case 'resync':
      return `# RESYNC (${m.reason}) at seq ${m.lastSeq}`;
    default:
      return `# ${raw}`;
  }
}

const token = await tokenFor();
const ws = new WebSocket(values.url, { headers: { authorization: `Bearer ${token}` } });
let last = values.after === undefined ? undefined : Number(values.after);
ws.on('unexpected-response', (_req, res) => {
  console.error(`upgrade refused: HTTP ${res.statusCode}`);
  res.on('data', (c: Buffer) => console.error(c.toString()));
  res.on('end', () => process.exit(1));
});
ws.on('message', (data) => {
  const raw = data.toString();
  const frame = JSON.parse(raw) as { type: string; seq?: number; reason?: string };
  console.log(line(raw));
  if (frame.type === 'welcome')
    ws.send(JSON.stringify({ type: 'subscribe', topics: topics(), afterSeq: last }));
  if (frame.type === 'event') last = frame.seq;
  // A resync here just means "start again from what I printed last".
  if (frame.type === 'resync')
    ws.send(JSON.stringify({ type: 'subscribe', topics: topics(), afterSeq: last }));
});
ws.on('close', (code, reason) => {
  console.error(`# closed ${code} ${reason.toString()}`);
  process.exit(code === 1000 ? 0 : 2);
});
ws.on('error', (err) => {
  console.error(`# ${err.message}`);
  process.exit(1);
});
