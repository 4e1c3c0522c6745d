import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { auditInsert } from '../../platform/audit/service';
import { writeTogether } from '../../db/write-together';
import { AppError, fieldError, notFound } from '../../platform/http/errors';
import { users } from '../../platform/org/schema';
import { type FileAccessCheck, type FileStore, sniffImage } from '../../platform/settings/files';
import { files } from '../../platform/settings/schema';
import { loadCustomer } from './access';
import { customerEventInsert } from './events';
import { customerAttachments } from './schema';
import type { Upload } from '../../platform/http/upload';

/**
 * 附件: files attached to a customer. Whoever sees the customer lists and downloads them; whoever
 * may edit it (owner side, read-write team member) uploads and deletes. The bytes live in the
 * platform file store; `/files/:id` asks `customerAttachmentFile` before serving one.
 */

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
const NAME_MAX = 200;

/** Programs and scripts a colleague could be tricked into running: refused by extension. */
const BLOCKED_EXTENSIONS = new Set([
  'exe', 'msi', 'bat', 'cmd', 'com', 'scr', 'pif', 'cpl', 'dll', 'sys',
  'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'ps1', 'psm1', 'hta', 'lnk', 'reg', 'jar', 'apk', 'sh',
]);

export const attachmentTooLarge = () =>
  new AppError(413, 'ATTACHMENT_TOO_LARGE', { limitMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }, [{ field: 'file', code: 'ATTACHMENT_TOO_LARGE' }]);
export const attachmentRequired = () => fieldError('file', 'ATTACHMENT_REQUIRED');


/**
 * The name as the user will see it again: no path, no control characters, the characters Windows
 * forbids as `_` and no trailing dots or spaces (as a browser saves it, so the extension checked is
 * the one the saved file gets), at most 200 characters (extension kept).
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (!name) return '未命名文件';
  if (name.length <= NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, NAME_MAX - ext.length) + ext;
}

/** A name's extension; ".exe" alone is one too. */
const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * The extensions a file could be run by: the stored name's (what a download saves) and the one
 * Windows reads from the name as sent, which ends at a stream suffix ("a.exe::$DATA" is a.exe) and
 * drops trailing dots and spaces ("a.exe." is a.exe).
 */
const runnableExtensions = (sent: string, stored: string) => [extensionOf(stored), extensionOf(cleanFileName(sent.split(':')[0]))];

/** The stored type: sniffed for images (a declared image that is not one is just bytes), else the declared one when well-formed. */
function storedMime(content: Buffer, declared: string): string {
  const sniffed = sniffImage(content);
  if (sniffed) return sniffed;
  const mime = declared.toLowerCase().split(';')[0].trim();
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(mime) || mime.length > 100) return 'application/octet-stream';
  if (mime === 'image/png' || mime === 'image/jpeg') return 'application/octet-stream';
  return mime;
}

const attachmentColumns = {
  attachment: customerAttachments,
  name: files.originalName,
  size: files.size,
  mime: files.mime,
  uploadedByName: users.name,
};

type AttachmentJoinRow = {
  attachment: typeof customerAttachments.$inferSelect;
  name: string;
  size: number;
  mime: string;
  uploadedByName: string | null;
};

function toAttachmentDto(r: AttachmentJoinRow) {
  const a = r.attachment;
  return {
    id: a.id,
    customerId: a.customerId,
    fileId: a.fileId,
    name: r.name,
    size: r.size,
    mime: r.mime,
    url: `/api/v1/files/${a.fileId}`,
    uploadedBy: a.uploadedBy,
    uploadedByName: r.uploadedByName,
    createdAt: a.createdAt.toISOString(),
  };
}

export type AttachmentDto = ReturnType<typeof toAttachmentDto>;

function selectAttachments(db: Db) {
  return db
    .select(attachmentColumns)
    .from(customerAttachments)
    .innerJoin(files, eq(files.id, customerAttachments.fileId))
    .leftJoin(users, eq(users.id, customerAttachments.uploadedBy));
}

/** The customer's attachments, newest first (anyone who sees the customer, pool included). */
export async function listAttachments(db: Db, actor: Actor, customerId: number) {
  await loadCustomer(db, actor, customerId);
  const rows = await selectAttachments(db)
    .where(eq(customerAttachments.customerId, customerId))
    .orderBy(desc(customerAttachments.createdAt), desc(customerAttachments.id));
  return { items: rows.map(toAttachmentDto) };
}

/** Refused before the body is read: a customer the caller may not change. */
export async function checkCanAttach(db: Db, actor: Actor, customerId: number) {
  await loadCustomer(db, actor, customerId, { forWrite: true });
}

/** Store the file and attach it, in one transaction with the audit row and the timeline event. */
export async function addAttachment(db: Db, actor: Actor, store: FileStore, customerId: number, upload: Upload): Promise<AttachmentDto> {
  const fileName = cleanFileName(upload.fileName);
  if (upload.content.length === 0) throw fieldError('file', 'ATTACHMENT_EMPTY');
  if (upload.content.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  const ext = runnableExtensions(upload.fileName, fileName).find((e) => BLOCKED_EXTENSIONS.has(e));
  if (ext) throw fieldError('file', 'ATTACHMENT_TYPE_BLOCKED', { ext });
  const mime = storedMime(upload.content, upload.mime);

  const id = await db.transaction(async (tx) => {
    const { row: customer } = await loadCustomer(tx, actor, customerId, { forWrite: true, lock: true });
    const fileId = await store.save(tx, upload.content, { mime, originalName: fileName, createdBy: actor.userId > 0 ? actor.userId : null });
    const [row] = await tx
      .insert(customerAttachments)
      .values({ customerId, fileId, uploadedBy: actor.userId > 0 ? actor.userId : null })
      .returning({ id: customerAttachments.id });
    await writeTogether(tx, [
      auditInsert(tx, actor, {
        action: 'create',
        entityType: 'customer_attachment',
        entityId: row.id,
        summary: `${customer.name}: ${fileName}`,
        parent: { type: 'customer', id: customerId },
        changes: [
          { field: 'customerId', from: null, to: customerId },
          { field: 'fileName', from: null, to: fileName },
          { field: 'size', from: null, to: upload.content.length },
        ],
      }),
      customerEventInsert(tx, actor, customerId, 'attachment_added', { fileName, size: upload.content.length }),
    ]);
    return row.id;
  });
  const [created] = await selectAttachments(db).where(eq(customerAttachments.id, id));
  return toAttachmentDto(created);
}

/**
 * Delete an attachment: its row and the file's metadata go in one transaction with the audit row and
 * the timeline event; the bytes are removed from disk once that has committed.
 */
export async function deleteAttachment(db: Db, actor: Actor, store: FileStore, customerId: number, attachmentId: number) {
  const fileId = await db.transaction(async (tx) => {
    const { row: customer } = await loadCustomer(tx, actor, customerId, { forWrite: true, lock: true });
    const [found] = await selectAttachments(tx).where(and(eq(customerAttachments.id, attachmentId), eq(customerAttachments.customerId, customerId)));
    if (!found) throw notFound();
    await tx.delete(customerAttachments).where(eq(customerAttachments.id, attachmentId));
    await store.forget(tx, found.attachment.fileId);
    await writeTogether(tx, [
      auditInsert(tx, actor, {
        action: 'delete',
        entityType: 'customer_attachment',
        entityId: attachmentId,
        summary: `${customer.name}: ${found.name}`,
        parent: { type: 'customer', id: customerId },
        changes: [
          { field: 'customerId', from: customerId, to: null },
          { field: 'fileName', from: found.name, to: null },
          { field: 'size', from: found.size, to: null },
        ],
      }),
      customerEventInsert(tx, actor, customerId, 'attachment_deleted', { fileName: found.name }),
    ]);
    return found.attachment.fileId;
  });
  // The metadata is gone already; a file left on disk is unreachable, so a failure here only costs space.
  await store.purge(fileId).catch(() => undefined);
}

/** Whether the actor may see the customer a file is attached to; `null` when the file is not an attachment. */
export const customerAttachmentFile: FileAccessCheck = async (db, actor, fileId) => {
  const [row] = await db.select({ customerId: customerAttachments.customerId }).from(customerAttachments).where(eq(customerAttachments.fileId, fileId)).limit(1);
  if (!row) return null;
  return canSeeCustomerOf(db, actor, row.customerId);
};

/** Record history of an attachment (while it exists): whoever may see its customer. */
export async function canSeeAttachment(db: Db, actor: Actor, entityId: string): Promise<boolean> {
  const id = Number(entityId);
  if (!Number.isInteger(id) || id < 1 || id > Number.MAX_SAFE_INTEGER) return false;
  const [row] = await db.select({ customerId: customerAttachments.customerId }).from(customerAttachments).where(eq(customerAttachments.id, id)).limit(1);
  return row ? canSeeCustomerOf(db, actor, row.customerId) : false;
}

async function canSeeCustomerOf(db: Db, actor: Actor, customerId: number): Promise<boolean> {
  if (!actor.permissions.has('customer.view')) return false;
  try {
    await loadCustomer(db, actor, customerId);
    return true;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}
