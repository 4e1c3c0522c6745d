// `npm start` runs this first: build the web bundle when it is missing, so a fresh clone needs no extra step.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync(new URL('../dist/web/index.html', import.meta.url))) {
  console.log('Building the web app (first start only)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
