import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPermissions } from '../../../common/permissions';
import { type RegisteredRoute, registeredRoutes } from '../../app';
import { createTestApp, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { roleTemplates } from '../org/role-templates';

/**
 * Walks every registered route — including those of modules registered later, since the list comes
 * from the app itself — with a user of each role template, and checks the answer against the
 * permission each route declares (`config.permission`) and the template's permissions.
 */

let t: TestApp;
let routes: RegisteredRoute[];

const methodOrder = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A path with its parameters filled: an existing id where one is meant, a real record type for history. */
function fillPath(url: string): string {
  return url
    .replace(':entityType', 'user')
    .replace(/:\w+/g, '1')
    .replace(/\*$/, 'index.html');
}

const isApi = (r: RegisteredRoute) => r.url.startsWith('/api/');
const describeRoute = (r: RegisteredRoute) => `${r.method} ${r.url}`;

beforeAll(async () => {
  t = await createTestApp();
  // Reads first, then writes, deletions last: a write cannot hide a later read's answer.
  routes = registeredRoutes(t.app).sort(
    (a, b) => methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method) || a.url.localeCompare(b.url),
  );
});
afterAll(() => t?.close());

describe('the route table', () => {
  it('is collected from the app and covers every module', () => {
    const urls = routes.map(describeRoute);
    for (const expected of ['POST /api/v1/auth/login', 'GET /api/v1/users', 'GET /api/v1/audit', 'PUT /api/v1/settings/company', 'GET /api/health']) {
      expect(urls).toContain(expected);
    }
    // Every API route outside /api/docs lives under /api/v1 (or is the health check).
    for (const r of routes.filter(isApi)) expect(r.url, describeRoute(r)).toMatch(/^\/api\/(v1\/|docs|health$)/);
  });

  it('declares only permissions from the catalog (so the role editor can grant them)', () => {
    for (const r of routes) {
      if (r.config.permission) expect(allPermissions, describeRoute(r)).toContain(r.config.permission);
      // A route is either public or needs a session; "public with a permission" makes no sense.
      expect(r.config.public && r.config.permission, describeRoute(r)).toBeFalsy();
    }
  });

  it('keeps the public surface small and deliberate', () => {
    const publicApi = routes.filter((r) => isApi(r) && r.config.public && !r.url.startsWith('/api/docs')).map(describeRoute);
    expect(publicApi.sort()).toEqual(['GET /api/health', 'GET /api/v1/public/company', 'POST /api/v1/auth/login']);
  });

  it('lists the routes any logged-in user may call (no permission declared): a new one must be added here on purpose', () => {
    const loginOnly = routes.filter((r) => isApi(r) && !r.config.public && !r.config.permission).map(describeRoute);
    expect(loginOnly.sort()).toEqual(
      [
        // Own session and profile.
        'GET /api/v1/auth/me',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/password',
        'PATCH /api/v1/auth/profile',
        // Names for pickers and the company header every page shows.
        'GET /api/v1/users/options',
        'GET /api/v1/roles/options',
        'GET /api/v1/settings/company',
        // Dictionary labels (行业, 级别 …) that every customer form and list shows.
        'GET /api/v1/dictionaries',
        // Files by unguessable id; the area that owns a file decides who may read it (the logo: everyone;
        // a customer attachment: whoever sees the customer; a file nobody claims: no one).
        'GET /api/v1/files/:id',
        // Record history: checks that the caller may see the record itself.
        'GET /api/v1/audit/records/:entityType/:entityId',
        // 我的场景: each user's own saved list views; another user's scene answers 404.
        'GET /api/v1/scenes',
        'POST /api/v1/scenes',
        'PATCH /api/v1/scenes/:id',
        'DELETE /api/v1/scenes/:id',
        // Whether mail and SMS are set up (two booleans, no settings): the customer view says so before anyone writes.
        'GET /api/v1/messaging/availability',
      ].sort(),
    );
  });
});

describe('anonymous requests', () => {
  it('every non-public API route answers 401 UNAUTHENTICATED, whatever the method', async () => {
    const anon = t.anonymous();
    const checked: string[] = [];
    for (const r of routes.filter((x) => isApi(x) && !x.config.public)) {
      const res = await anon.request(r.method, fillPath(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${describeRoute(r)}: ${res.body}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      checked.push(describeRoute(r));
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('public routes answer without a session', async () => {
    const anon = t.anonymous();
    for (const r of routes.filter((x) => x.config.public)) {
      const res = await anon.request(r.method, fillPath(r.url), r.method === 'GET' ? undefined : {});
      expect([401, 403], `${describeRoute(r)}: ${res.body}`).not.toContain(res.statusCode);
      expect(res.statusCode, describeRoute(r)).toBeLessThan(500);
    }
    // The API documentation is readable by integrators without an account.
    const docs = await anon.get('/api/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(docs.json().paths['/api/v1/users']).toBeDefined();
  });
});

describe('each role template against every route', () => {
  for (const template of roleTemplates) {
    it(`${template.code} (${template.name}): 403 exactly where it lacks the declared permission`, async () => {
      const username = `tpl_${template.code}`;
      await makeUser(t, { username, departmentId: await rootDepartmentId(t), roles: [template.code] });
      const granted = new Set<string>(template.permissions);
      let client: TestClient = await t.login(username);
      const problems: string[] = [];

      for (const r of routes) {
        const url = fillPath(r.url);
        const res = await client.request(r.method, url, r.method === 'GET' ? undefined : {});
        const where = `${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (res.statusCode >= 500) problems.push(`500: ${where}`);
        else if (r.config.public || !isApi(r)) {
          if (res.statusCode === 401 || res.statusCode === 403) problems.push(`public route refused: ${where}`);
        } else if (r.config.permission && !granted.has(r.config.permission)) {
          if (res.statusCode !== 403 || res.json().error.code !== 'FORBIDDEN') problems.push(`expected 403 (lacks ${r.config.permission}): ${where}`);
        } else if (res.statusCode === 401 || res.statusCode === 403) {
          problems.push(`refused although allowed${r.config.permission ? ` (holds ${r.config.permission})` : ''}: ${where}`);
        }
        // Some routes end the session on purpose (logout); carry on with a fresh one.
        if ((await client.get('/api/v1/auth/me')).statusCode === 401) client = await t.login(username);
      }
      expect(problems).toEqual([]);
    });
  }

  it('the administrator template holds every permission in the catalog', () => {
    const admin = roleTemplates.find((r) => r.code === 'admin');
    expect([...(admin?.permissions ?? [])].sort()).toEqual([...allPermissions].sort());
  });
});
