// @vitest-environment happy-dom
// The sync page read against the shapes of hub/gateway/routes/sync-routes.ts, with fetch standing in
// for the hub (the one true edge here).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminHarness } from '../admin-test-kit.js';
import { SyncPage } from './SyncPage.js';
import type { DeadLetter, SyncStatus } from './sync-types.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const status: SyncStatus = {
  paired: true,
  cloud: {
    url: 'https://cloud.example.com',
    hubId: 'hub-centro',
    keyId: 'k1',
    pairedAt: '2026-11-20T10:00:00Z',
  },
  running: true,
  pending: 12,
  parked: 3,
  deadLetters: 1,
  backlog: 15,
  oldestPendingAt: '2026-11-27T21:00:00Z',
  lagSeconds: 3720,
  lastSeq: 1520,
  lastSuccessAt: '2026-11-27T20:59:00Z',
  lastErrorAt: '2026-11-27T21:01:00Z',
  lastError: 'cloud answered 503',
  consecutiveFailures: 4,
  nextAttemptAt: '2026-11-27T21:05:00Z',
  clockOffsetMs: 0,
  catalog: {
    version: 7,
    appliedAt: '2026-11-27T09:00:00Z',
    lastPullAt: null,
    lastErrorAt: null,
    lastError: null,
    rejected: [],
  },
};
const letter: DeadLetter = {
  eventSeq: 1400,
  eventId: 'ev-1400',
  eventType: 'PaymentRecorded',
  aggregateKey: 'session:s-9',
  error: 'INVALID: amount exceeds due',
  attempts: 8,
  deadAt: '2026-11-27T20:00:00Z',
  requestId: null,
  parkedBehind: 3,
};

function fakeHub() {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (url === '/api/sync/status') return json(status);
    if (url.startsWith('/api/sync/dead-letters?') || url === '/api/sync/dead-letters') return json([letter]);
    if (url === '/api/sync/dead-letters/1400/requeue') return json({ eventSeqs: [1400], released: 3 });
    return new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'no route' }), { status: 404 });
  });
  return calls;
}

describe('SyncPage', () => {
  it('shows backlog, lag, the last error and the dead letters, and requeues one', async () => {
    const calls = fakeHub();
    render(adminHarness().wrap(<SyncPage />));
    expect(await screen.findByText('15')).toBeTruthy();
    expect(screen.getByText(/1 h 2 min/)).toBeTruthy();
    expect(screen.getByText('cloud answered 503')).toBeTruthy();
    expect(screen.getByText('Reintentando')).toBeTruthy();
    expect(await screen.findByText('PaymentRecorded')).toBeTruthy();
    expect(screen.getByText(/3 retenidos detrás/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reenviar' }));
    await waitFor(() => expect(calls).toContain('POST /api/sync/dead-letters/1400/requeue'));
    expect(await screen.findByText('1 evento tratado; 3 liberados')).toBeTruthy();
  });

  it('offers the pairing form when the hub is not paired', async () => {
    status.paired = false;
    status.cloud = null;
    fakeHub();
    render(adminHarness().wrap(<SyncPage />));
    expect(await screen.findByText('No emparejado')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Emparejar con la nube' })).toBeTruthy();
    expect(screen.getByLabelText('Dirección de la nube')).toBeTruthy();
  });
});
