// Browser journeys in Debian's Chromium. Without /usr/bin/chromium they are skipped, unless CI is
// set, where they are required.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.env.CI) {
    console.error(`Chromium not found at ${chromium}; browser journeys are required in CI (apt-get install chromium).`);
    process.exit(1);
  }
  console.log(`Chromium not found at ${chromium}: browser journeys SKIPPED (install it with: apt-get install chromium).`);
  process.exit(0);
}
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
