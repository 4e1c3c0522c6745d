import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { diffFields, recordAudit } from '../audit/service';
import { badRequest } from '../http/errors';
import { type FileAccessCheck, type FileStore, sniffImage } from './files';
import { companySettings } from './schema';

export interface CompanyInput {
  name: string;
  shortName: string;
  address: string;
  phone: string;
  timeZone: string;
  currency: string;
}

export const MAX_LOGO_BYTES = 256 * 1024;

type CompanyRow = typeof companySettings.$inferSelect;

export function toCompanyDto(row: CompanyRow) {
  return {
    name: row.name,
    shortName: row.shortName,
    address: row.address,
    phone: row.phone,
    logoUrl: row.logoFileId ? `/api/v1/files/${row.logoFileId}` : null,
    timeZone: row.timeZone,
    currency: row.currency,
  };
}

export async function getCompanyRow(db: Db): Promise<CompanyRow> {
  const [row] = await db.select().from(companySettings).where(eq(companySettings.id, 1));
  if (row) return row;
  // The bootstrap creates the row; this only covers a database reset by hand.
  const [created] = await db
    .insert(companySettings)
    .values({ id: 1, name: '我的公司', shortName: '我的公司' })
    .onConflictDoNothing()
    .returning();
  return created ?? (await db.select().from(companySettings).where(eq(companySettings.id, 1)))[0];
}

export async function getCompany(db: Db) {
  return toCompanyDto(await getCompanyRow(db));
}

export async function updateCompany(db: Db, actor: Actor, input: CompanyInput) {
  return db.transaction(async (tx) => {
    const before = await getCompanyRow(tx);
    const [row] = await tx
      .update(companySettings)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(companySettings.id, 1))
      .returning();
    const changes = diffFields(before, input, ['name', 'shortName', 'address', 'phone', 'timeZone', 'currency']);
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'company', entityId: 1, summary: row.name, changes });
    return toCompanyDto(row);
  });
}

/** Accept a PNG/JPEG data URL of at most 256 KB, checked by its bytes, and make it the logo. */
export async function setCompanyLogo(db: Db, actor: Actor, store: FileStore, dataUrl: string | null) {
  let content: Buffer | null = null;
  let mime: string | null = null;
  if (dataUrl !== null) {
    const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
    if (!match) throw badRequest('LOGO_INVALID');
    content = Buffer.from(match[2], 'base64');
    mime = sniffImage(content);
    if (!mime || content.length > MAX_LOGO_BYTES) throw badRequest('LOGO_INVALID');
  }
  return db.transaction(async (tx) => {
    const before = await getCompanyRow(tx);
    const logoFileId =
      content && mime
        ? await store.save(tx, content, { mime, originalName: `logo.${mime === 'image/png' ? 'png' : 'jpg'}`, createdBy: actor.userId })
        : null;
    const [row] = await tx.update(companySettings).set({ logoFileId, updatedAt: new Date() }).where(eq(companySettings.id, 1)).returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'company',
      entityId: 1,
      summary: row.name,
      changes: [{ field: 'logo', from: before.logoFileId, to: logoFileId }],
    });
    return toCompanyDto(row);
  });
}

/** The current company logo is on every page: any logged-in user may read it. Other files are not ours to judge. */
export const companyLogoFile: FileAccessCheck = async (db, _actor, fileId) => {
  const [row] = await db.select({ id: companySettings.id }).from(companySettings).where(eq(companySettings.logoFileId, fileId)).limit(1);
  return row ? true : null;
};
