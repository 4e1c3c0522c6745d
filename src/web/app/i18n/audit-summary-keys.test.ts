import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import enUS from './en-US';
import zhCN from './zh-CN';

/** Every .ts file under a folder, tests left out. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const lookup = (catalog: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

describe('audit summary keys', () => {
  it('every key the server stores has a text in both languages, naming the same values', () => {
    const server = path.resolve(import.meta.dirname, '../../../server');
    const keys = new Set(sources(server).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/'((?:customer\.)?auditSummary\.\w+)'/g)].map((m) => m[1])));
    expect(keys.size).toBeGreaterThan(20);
    const values = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      const zh = lookup(zhCN, key);
      const en = lookup(enUS, key);
      expect(typeof zh, key).toBe('string');
      expect(typeof en, key).toBe('string');
      expect(values(en as string), key).toEqual(values(zh as string));
    }
  });
});
