import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** A wrong environment variable stops start-up with one line that names it. */
describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set (empty values count as unset)', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(c).toMatchObject({ port: 3000, dataDir: path.resolve('./data'), databaseUrl: undefined, adminPassword: undefined, trustProxy: false });
  });

  it('reads valid values', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://crm@db:5432/crm', ADMIN_PASSWORD: 'Secret123', TZ: 'Asia/Shanghai', TRUST_PROXY: 'true' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgresql://crm@db:5432/crm', adminPassword: 'Secret123', trustProxy: true });
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ['PORT', { PORT: 'abc' }, /^Invalid environment variable PORT: /],
    ['PORT', { PORT: '70000' }, /^Invalid environment variable PORT: /],
    ['PORT', { PORT: '80.5' }, /^Invalid environment variable PORT: /],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /^Invalid environment variable DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/$/],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }, /^Invalid environment variable ADMIN_PASSWORD: must be at least 8 characters$/],
    ['TZ', { TZ: 'Mars/Olympus' }, /^Invalid environment variable TZ: unknown time zone "Mars\/Olympus"$/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^Invalid environment variable LOG_LEVEL: /],
    ['SESSION_IDLE_MINUTES', { SESSION_IDLE_MINUTES: '1' }, /^Invalid environment variable SESSION_IDLE_MINUTES: /],
    ['COOKIE_SECURE', { COOKIE_SECURE: 'yes' }, /^Invalid environment variable COOKIE_SECURE: /],
  ];
  for (const [name, env, message] of refused) {
    it(`refuses ${name}=${Object.values(env)[0]} with a one-line message naming it`, () => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as Error).message;
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
    });
  }

  it('names the first wrong variable when several are wrong', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', TZ: 'Nowhere/Land' })).toThrow(/DATABASE_URL/);
  });
});
