// A longer soak of the write path than `npm test` can afford: many more random command sequences and
// many more kill -9s. Not part of npm test.
//   npx tsx scripts/soak-write-path.ts [sequences=2000] [kills=100]
import { spawnSync } from 'node:child_process';

const [runs = '2000', kills = '100'] = process.argv.slice(2);

function vitest(file: string, env: Record<string, string>): number {
  console.log(`\n== ${file} ${JSON.stringify(env)}`);
  const r = spawnSync('npx', ['vitest', 'run', file], { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const failed =
  vitest('test/command-sequences.property.test.ts', { COMANDA_PROPERTY_RUNS: runs }) +
  vitest('test/crash.test.ts', { COMANDA_CRASH_KILLS: kills });
console.log(failed === 0 ? '\nsoak passed' : '\nsoak FAILED');
process.exit(failed === 0 ? 0 : 1);
