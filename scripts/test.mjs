// `npm test`: types, lint, unit/service/HTTP tests on PGlite, the same on PostgreSQL when
// TEST_DATABASE_URL is set, then the browser journeys (skipped without Chromium unless CI is set).
import { spawnSync } from 'node:child_process';

const steps = [];
function run(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: result.status === 0, seconds });
  if (result.status !== 0) {
    summary();
    console.error(`✗ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
function summary() {
  console.log('\nSummary:');
  for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds}s)`);
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint', 'npx', ['eslint', '.']);
run('tests on PGlite', 'npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) {
  run('tests on PostgreSQL', 'npx', ['vitest', 'run'], { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });
} else {
  console.log('\n(TEST_DATABASE_URL not set: PostgreSQL run skipped)');
}
run('browser journeys', 'node', ['scripts/e2e.mjs']);
summary();
