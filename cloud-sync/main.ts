// `npm run cloud`: starts cloud-sync from the environment and stops it cleanly on SIGINT/SIGTERM.
import { startCloudService } from './cloud-service.js';
import { parseCloudConfig } from './config.js';
import { ensureDashboardBuilt } from './owner/ensure-dashboard.js';

ensureDashboardBuilt((msg) => console.log(`cloud-sync: ${msg}`));

const service = await startCloudService({ config: parseCloudConfig(process.env) }).catch((err: unknown) => {
  console.error('cloud-sync failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  service.logger.info({ signal }, 'cloud-sync stopping');
  await service.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
