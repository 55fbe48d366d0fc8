// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveStatus } from '../../shared/live-client.js';
import { adminHarness } from './admin-test-kit.js';
import { Shell } from './Shell.js';

// The browser capability is the edge here: happy-dom is neither a secure context nor one without one.
const swSupport = vi.hoisted(() => ({ supported: false }));
vi.mock('../../shared/sw-register.js', () => ({ offlineReloadSupported: () => swSupport.supported }));

afterEach(() => {
  cleanup();
  swSupport.supported = false;
});

const staff = { id: 'staff-marta', name: 'Marta', role: 'MANAGER' as const, sectorIds: [] };

function renderShell() {
  const { wrap } = adminHarness();
  const ui = (status: LiveStatus) =>
    wrap(
      <Shell route={{ page: 'catalog' }} status={status} staff={staff}>
        <p>page</p>
      </Shell>,
    );
  const view = render(ui('live'));
  return {
    set: (status: LiveStatus) => view.rerender(ui(status)),
    note: () => screen.queryByRole('note')?.textContent ?? null,
  };
}

describe('the admin frame with the hub out of reach', () => {
  it('over plain HTTP says that reloading needs the hub, from the first loss until live again, without blinking on retries', () => {
    const shell = renderShell();
    expect(shell.note()).toBeNull();
    shell.set('connecting');
    expect(shell.note()).toBeNull();
    shell.set('offline');
    expect(shell.note()).toContain('no recargues la página');
    shell.set('connecting');
    expect(shell.note()).toContain('no recargues la página');
    shell.set('live');
    expect(shell.note()).toBeNull();
  });

  it('says nothing about reloading where the service worker keeps the page', () => {
    swSupport.supported = true;
    const shell = renderShell();
    shell.set('offline');
    expect(shell.note()).toBeNull();
  });
});
