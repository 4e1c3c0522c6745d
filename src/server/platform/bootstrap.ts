import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { LOCK_KEYS } from '../db/migrate';
import { systemActor } from './access/actor';
import { generatePassword } from './auth/password';
import { ensureDictionaryDefaults } from './dictionaries/service';
import { getCompanyRow } from './settings/company';
import { ADMIN_ROLE_CODE } from './org/role-templates';
import { ensureRoleTemplates, roleIdByCode } from './org/roles';
import { departments, users } from './org/schema';
import { createUser } from './org/users';

/**
 * First-start set-up, run by every copy under one lock: role templates, the company row, and on an
 * empty database the root department and the administrator `admin`.
 */
export async function bootstrap(database: Database, opts: { adminPassword?: string; log: FastifyBaseLogger }) {
  return database.withExclusiveLock(LOCK_KEYS.bootstrap, async (db) => {
    await ensureRoleTemplates(db);
    await getCompanyRow(db);
    await ensureDictionaryDefaults(db);
    const [{ n }] = await db.select({ n: count() }).from(users);
    if (n > 0) return { createdAdmin: false as const };
    const [root] = await db.insert(departments).values({ name: '公司', parentId: null }).returning();
    const password = opts.adminPassword ?? generatePassword();
    await createUser(db, systemActor(), {
      username: 'admin',
      password,
      name: '系统管理员',
      mobile: null,
      email: null,
      departmentId: root.id,
      supervisorId: null,
      roleIds: [await roleIdByCode(db, ADMIN_ROLE_CODE)],
      status: 'active',
      mustChangePassword: !opts.adminPassword,
    });
    if (!opts.adminPassword) {
      const line = '='.repeat(64);
      // Printed once, on purpose outside the JSON log so it stands out in a terminal.
      process.stdout.write(
        `\n${line}\n  管理员账号已创建 / Administrator account created\n  username: admin\n  password: ${password}\n` +
          `  请登录后立即修改密码 / Change it after logging in.\n${line}\n\n`,
      );
    }
    opts.log.info({ username: 'admin', passwordFrom: opts.adminPassword ? 'ADMIN_PASSWORD' : 'generated' }, 'administrator created');
    return { createdAdmin: true as const, password };
  });
}
