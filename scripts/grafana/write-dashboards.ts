// npm run grafana: writes the Grafana dashboards and the Prometheus alert rules to docs/grafana/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { grafanaFiles } from './grafana-json.js';

const GRAFANA_DIR = join(import.meta.dirname, '../../docs/grafana');

mkdirSync(GRAFANA_DIR, { recursive: true });
for (const [name, content] of Object.entries(grafanaFiles())) {
  writeFileSync(join(GRAFANA_DIR, name), content);
  console.log(`wrote docs/grafana/${name}`);
}
