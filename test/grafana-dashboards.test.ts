// The Grafana dashboards and alert rules in docs/grafana/ are generated (npm run grafana) and must name
// only metrics the real hub and cloud serve: a renamed metric would otherwise leave an operator's panel
// empty and an alert silent, with nothing to say so.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../hub/config.js';
import { startHub, type RunningHub } from '../hub/hub-runtime.js';
import { silentLogger } from '../hub/observability/logger.js';
import { createMetrics } from '../hub/observability/metrics.js';
import { createCloudMetrics } from '../cloud-sync/metrics.js';
import { grafanaFiles } from '../scripts/grafana/grafana-json.js';
import { alertRules, cloudDashboard, hubDashboard, type Dashboard } from '../scripts/grafana/panels.js';

const DIR = join(import.meta.dirname, '../docs/grafana');
/** PromQL words that are not metric names. */
const NOT_METRICS = new Set(['sum', 'by', 'rate', 'histogram_quantile', 'le', 'instance', 'and', 'or', 'on']);

/** Metric names in a PromQL expression: identifiers followed by `{`, `[` or a space/paren, minus functions. */
function metricNames(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, '');
  const words = withoutStrings.match(/[a-z_][a-z0-9_]*/g) ?? [];
  return words.filter((w) => w.includes('_') && !NOT_METRICS.has(w) && !/^\d/.test(w));
}

/** The base name a series belongs to (histograms serve name_bucket, name_sum, name_count). */
const base = (name: string, served: Set<string>) =>
  served.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');

/** Names declared by a /metrics text (`# TYPE name kind`), labelled or not, observed yet or not. */
const declared = (text: string) => new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));

const exprs = (d: Dashboard) => d.rows.flatMap((r) => r.panels.flatMap((p) => p.targets.map((t) => t.expr)));

let hub: RunningHub;
let dir: string;
let hubServed: Set<string>;
let cloudServed: Set<string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comanda-grafana-'));
  // Default process metrics on, as `npm start` serves them.
  hub = await startHub(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', COMANDA_DATA_DIR: dir }, []),
    silentLogger(),
    {
      metrics: createMetrics(),
    },
  );
  hubServed = declared(await (await fetch(`http://127.0.0.1:${hub.port}/metrics`)).text());
  cloudServed = declared(await createCloudMetrics().registry.metrics());
});
afterAll(async () => {
  await hub.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Grafana dashboards and alert rules', () => {
  it('the files in docs/grafana are what `npm run grafana` writes', () => {
    for (const [name, content] of Object.entries(grafanaFiles()))
      expect(
        readFileSync(join(DIR, name), 'utf8'),
        `docs/grafana/${name} is stale: run npm run grafana`,
      ).toBe(content);
  });

  it('every metric a hub panel or a hub alert names is served by the hub', () => {
    const hubAlerts = alertRules.filter((r) => r.expr.includes('comanda_')).map((r) => r.expr);
    const names = [...exprs(hubDashboard), ...hubAlerts].flatMap(metricNames);
    expect(names.length).toBeGreaterThan(25);
    expect(names.filter((n) => !hubServed.has(base(n, hubServed)))).toEqual([]);
  });

  it('every metric a cloud panel or a cloud alert names is served by the cloud', () => {
    const cloudAlerts = alertRules.filter((r) => r.expr.includes('cloud_')).map((r) => r.expr);
    const names = [...exprs(cloudDashboard), ...cloudAlerts].flatMap(metricNames);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !cloudServed.has(base(n, cloudServed)))).toEqual([]);
  });

  it('the name check itself catches a metric nobody serves', () => {
    expect(
      metricNames('sum by (le) (rate(comanda_no_such_thing_bucket{instance=~"$instance"}[5m]))'),
    ).toEqual(['comanda_no_such_thing_bucket']);
    expect(hubServed.has(base('comanda_no_such_thing_bucket', hubServed))).toBe(false);
  });
});
