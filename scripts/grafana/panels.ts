// What an operator watches, as data: the panels of the hub's and the cloud's Grafana dashboards and the
// Prometheus alert rules. `npm run grafana` writes them to docs/grafana/ (grafana-json.ts shapes them);
// test/grafana-dashboards.test.ts checks that the files are current and that every metric named here is
// one the real hub or cloud serves on /metrics.

export interface Panel {
  title: string;
  /** What the panel answers, shown as its description. */
  about: string;
  /** PromQL; `{{label}}` in `legend` names a series. */
  targets: Array<{ expr: string; legend: string }>;
  unit: 'short' | 's' | 'bytes' | 'reqps' | 'ops' | 'percentunit' | 'none';
  kind?: 'timeseries' | 'stat';
}

export interface Row {
  title: string;
  panels: Panel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  /** The job label the dashboard filters on (a variable, so several hubs can be told apart). */
  job: string;
  rows: Row[];
}

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  severity: 'page' | 'ticket';
  summary: string;
}

const p99 = (metric: string, by = '') =>
  `histogram_quantile(0.99, sum by (le${by ? `, ${by}` : ''}) (rate(${metric}_bucket{instance=~"$instance"}[5m])))`;
const rate = (metric: string, by: string) => `sum by (${by}) (rate(${metric}{instance=~"$instance"}[5m]))`;
const at = (metric: string) => `${metric}{instance=~"$instance"}`;

export const hubDashboard: Dashboard = {
  uid: 'comanda-hub',
  title: 'Comanda hub',
  job: 'comanda-hub',
  rows: [
    {
      title: 'Orders and the write path',
      panels: [
        {
          title: 'Commands per second',
          about: 'Commands handled, by outcome (ok, duplicate resend, rejected with a code, error).',
          targets: [{ expr: rate('comanda_commands_total', 'outcome'), legend: '{{outcome}}' }],
          unit: 'ops',
        },
        {
          title: 'Command latency p99',
          about: 'From a command entering the queue to its acknowledgement (after commit), by type.',
          targets: [{ expr: p99('comanda_command_seconds', 'type'), legend: '{{type}}' }],
          unit: 's',
        },
        {
          title: 'Commit p99 and group size',
          about:
            'One write transaction, fsync included, and how many commands shared it. A slow disk shows here first.',
          targets: [
            { expr: p99('comanda_commit_seconds'), legend: 'commit p99' },
            {
              expr: `sum(rate(${at('comanda_commit_batch_size_sum')}[5m])) / sum(rate(${at('comanda_commit_batch_size_count')}[5m]))`,
              legend: 'commands per commit',
            },
          ],
          unit: 'short',
        },
        {
          title: 'SQLite WAL frames',
          about:
            'Frames in the WAL at the last background checkpoint: a steady rise means checkpoints fall behind.',
          targets: [{ expr: at('comanda_sqlite_wal_frames'), legend: 'frames' }],
          unit: 'short',
        },
        {
          title: 'HTTP by status',
          about: 'Requests per second by status code; 5xx should stay at zero.',
          targets: [{ expr: rate('comanda_http_requests_total', 'status'), legend: '{{status}}' }],
          unit: 'reqps',
        },
        {
          title: 'HTTP p99 by route',
          about: 'The slowest routes; the floor for the API is p99 < 100 ms.',
          targets: [{ expr: p99('comanda_http_request_seconds', 'route'), legend: '{{route}}' }],
          unit: 's',
        },
      ],
    },
    {
      title: 'Live LAN (tablets, kitchen screens, diners)',
      panels: [
        {
          title: 'Connections',
          about: 'Open WebSocket connections by kind (staff, diner, device).',
          targets: [{ expr: `sum by (kind) (${at('comanda_ws_connections')})`, legend: '{{kind}}' }],
          unit: 'short',
        },
        {
          title: 'Frames out per second',
          about: 'Frames sent by type; an event counts once per subscriber.',
          targets: [{ expr: rate('comanda_ws_messages_out_total', 'type'), legend: '{{type}}' }],
          unit: 'ops',
        },
        {
          title: 'Refused frames and upgrades',
          about:
            'Frames refused (invalid, rate limited) and upgrades refused by reason: a surge of auth refusals is a misconfigured or stolen device.',
          targets: [
            {
              expr: `sum by (type) (rate(${at('comanda_ws_messages_in_total')}{type=~"invalid|rate_limited"}[5m]))`,
              legend: 'frames {{type}}',
            },
            { expr: rate('comanda_ws_rejected_upgrades_total', 'reason'), legend: 'upgrade {{reason}}' },
          ],
          unit: 'ops',
        },
        {
          title: 'Resyncs',
          about:
            'Feeds told to reload (too far behind, over the backpressure limit): a slow screen or a bad wifi.',
          targets: [{ expr: rate('comanda_ws_resyncs_total', 'reason'), legend: '{{reason}}' }],
          unit: 'ops',
        },
      ],
    },
    {
      title: 'Kitchen printers',
      panels: [
        {
          title: 'Printers up',
          about: '1 when the printer answers and can print.',
          targets: [{ expr: at('comanda_printer_up'), legend: '{{printer}}' }],
          unit: 'none',
        },
        {
          title: 'Print jobs by status',
          about:
            'Jobs queued, sending, uncertain (a cook must confirm) or failed: anything but PRINTED needs eyes.',
          targets: [{ expr: `sum by (status) (${at('comanda_print_jobs')})`, legend: '{{status}}' }],
          unit: 'short',
        },
        {
          title: 'Attempts and failovers',
          about: 'Attempts by result, and jobs moved to a backup printer or to the screen.',
          targets: [
            { expr: rate('comanda_print_attempts_total', 'result'), legend: '{{result}}' },
            { expr: rate('comanda_print_failovers_total', 'to'), legend: 'failover to {{to}}' },
          ],
          unit: 'ops',
        },
      ],
    },
    {
      title: 'Cloud sync',
      panels: [
        {
          title: 'Backlog and dead letters',
          about: 'Events waiting for the cloud, parked behind a dead letter, and refused for good.',
          targets: [
            { expr: at('comanda_sync_backlog'), legend: 'backlog' },
            { expr: at('comanda_sync_parked'), legend: 'parked' },
            { expr: at('comanda_sync_dead_letters'), legend: 'dead letters' },
          ],
          unit: 'short',
        },
        {
          title: 'Lag',
          about: 'Age of the oldest event still waiting for the cloud: grows during an internet outage.',
          targets: [{ expr: at('comanda_sync_lag_seconds'), legend: 'lag' }],
          unit: 's',
        },
        {
          title: 'Batches by outcome',
          about: 'Relay batches: ok, network, refused, rate limited, unavailable, auth.',
          targets: [{ expr: rate('comanda_sync_batches_total', 'outcome'), legend: '{{outcome}}' }],
          unit: 'ops',
        },
        {
          title: 'Batch size and failures in a row',
          about:
            'The relay halves its batches on a slow uplink or a 413; failures in a row since the last good batch.',
          targets: [
            { expr: at('comanda_sync_batch_limit_bytes'), legend: 'batch limit' },
            { expr: at('comanda_sync_consecutive_failures'), legend: 'failures in a row' },
          ],
          unit: 'short',
        },
        {
          title: 'Clock offset',
          about:
            "Cloud clock minus the hub's, learned from the cloud's answers: a hub without NTP drifts here.",
          targets: [{ expr: at('comanda_sync_clock_offset_seconds'), legend: 'offset' }],
          unit: 's',
        },
      ],
    },
    {
      title: 'Process',
      panels: [
        {
          title: 'Event loop lag p99',
          about: 'A blocked event loop delays every tablet at once.',
          targets: [{ expr: at('comanda_nodejs_eventloop_lag_p99_seconds'), legend: 'p99' }],
          unit: 's',
        },
        {
          title: 'CPU and memory',
          about: 'CPU seconds per second and resident memory of the hub process.',
          targets: [
            { expr: `rate(${at('comanda_process_cpu_seconds_total')}[5m])`, legend: 'CPU' },
            { expr: `${at('comanda_process_resident_memory_bytes')} / 1e9`, legend: 'RSS (GB)' },
          ],
          unit: 'short',
        },
      ],
    },
  ],
};

export const cloudDashboard: Dashboard = {
  uid: 'comanda-cloud',
  title: 'Comanda cloud',
  job: 'comanda-cloud',
  rows: [
    {
      title: 'Ingest from the hubs',
      panels: [
        {
          title: 'Events per second',
          about: 'Events ingested by result: applied, duplicate (a resend, harmless), rejected.',
          targets: [{ expr: rate('cloud_ingest_events_total', 'status'), legend: '{{status}}' }],
          unit: 'ops',
        },
        {
          title: 'Batches by outcome',
          about: 'Ingest batches by outcome.',
          targets: [{ expr: rate('cloud_ingest_batches_total', 'outcome'), legend: '{{outcome}}' }],
          unit: 'ops',
        },
        {
          title: 'Refused signed requests',
          about: 'By reason: expired or revoked keys (a hub to pair again), clock skew, replayed nonces.',
          targets: [{ expr: rate('cloud_auth_failures_total', 'reason'), legend: '{{reason}}' }],
          unit: 'ops',
        },
      ],
    },
    {
      title: 'HTTP and process',
      panels: [
        {
          title: 'Requests by status',
          about: 'Requests per second by status code.',
          targets: [{ expr: rate('cloud_http_requests_total', 'status'), legend: '{{status}}' }],
          unit: 'reqps',
        },
        {
          title: 'p99 by route',
          about: 'The slowest routes (ingest, dashboard reads).',
          targets: [{ expr: p99('cloud_http_request_duration_seconds', 'route'), legend: '{{route}}' }],
          unit: 's',
        },
        {
          title: 'Event loop lag p99',
          about: 'A blocked event loop delays every hub and owner.',
          targets: [{ expr: at('cloud_nodejs_eventloop_lag_p99_seconds'), legend: 'p99' }],
          unit: 's',
        },
      ],
    },
  ],
};

export const alertRules: AlertRule[] = [
  {
    alert: 'ComandaSyncLagging',
    expr: 'comanda_sync_lag_seconds > 900',
    for: '5m',
    severity: 'ticket',
    summary:
      'A hub has had events waiting for the cloud for over 15 minutes (internet down, or a pairing to fix).',
  },
  {
    alert: 'ComandaSyncDeadLetters',
    expr: 'comanda_sync_dead_letters > 0',
    for: '1m',
    severity: 'ticket',
    summary:
      'The cloud refused events for good; their aggregates are parked (`npm run sync -- dead-letters`).',
  },
  {
    alert: 'ComandaPrinterDown',
    expr: 'comanda_printer_up == 0',
    for: '2m',
    severity: 'page',
    summary:
      'A kitchen printer has not answered for 2 minutes (its tickets fail over to a backup or the screen).',
  },
  {
    alert: 'ComandaPrintJobsUncertain',
    expr: 'sum by (instance) (comanda_print_jobs{status=~"UNCERTAIN|FAILED"}) > 0',
    for: '5m',
    severity: 'page',
    summary: 'Tickets may not have printed: a cook must confirm or reprint them.',
  },
  {
    alert: 'ComandaCommandsSlow',
    expr: 'histogram_quantile(0.99, sum by (instance, le) (rate(comanda_command_seconds_bucket[5m]))) > 0.1',
    for: '10m',
    severity: 'ticket',
    summary: "Command p99 over 100 ms for 10 minutes: the hub's disk or CPU is struggling.",
  },
  {
    alert: 'ComandaServerErrors',
    expr: 'sum by (instance) (rate(comanda_http_requests_total{status=~"5.."}[5m])) > 0',
    for: '5m',
    severity: 'ticket',
    summary: 'The hub is answering 5xx; its log has the request ids.',
  },
  {
    alert: 'ComandaCheckpointsBehind',
    expr: 'comanda_sqlite_wal_frames > 100000',
    for: '15m',
    severity: 'ticket',
    summary: 'The SQLite WAL keeps growing: a long-running reader is blocking checkpoints.',
  },
  {
    alert: 'CloudIngestRejecting',
    expr: 'sum by (instance) (rate(cloud_ingest_events_total{status="rejected"}[10m])) > 0',
    for: '10m',
    severity: 'ticket',
    summary: 'The cloud is rejecting hub events (they retry, then dead-letter on the hub).',
  },
];
