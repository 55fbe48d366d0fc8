// After `tsc` builds dist/, copies what the compiled code reads at run time but tsc does not emit.
import { cpSync, existsSync } from 'node:fs';

const ASSETS = ['hub/store/migrations', 'cloud-sync/migrations'];

for (const dir of ASSETS) {
  if (!existsSync(dir)) continue;
  cpSync(dir, `dist/${dir}`, { recursive: true });
  console.log(`copied ${dir} -> dist/${dir}`);
}
