import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { files } from './schema';

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stored file's id as `save` makes it (a UUID); anything else names no file. */
export const isFileId = (id: string) => FILE_ID.test(id);

/** Uploaded files live under DATA_DIR/files with generated names; metadata rows live in the database. */
export class FileStore {
  constructor(private readonly dir: string) {}

  async save(db: Db, content: Buffer, meta: { mime: string; originalName: string; createdBy: number | null }) {
    const id = randomUUID();
    await fs.mkdir(this.dir, { recursive: true });
    await fs.writeFile(path.join(this.dir, id), content);
    await db.insert(files).values({ id, originalName: meta.originalName, mime: meta.mime, size: content.length, createdBy: meta.createdBy });
    return id;
  }

  async read(db: Db, id: string) {
    if (!isFileId(id)) return null;
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row) return null;
    try {
      return { meta: row, content: await fs.readFile(path.join(this.dir, id)) };
    } catch {
      return null;
    }
  }

  /** Forget a file's metadata inside the caller's transaction; call `purge` once that has committed. */
  async forget(db: Db, id: string) {
    await db.delete(files).where(eq(files.id, id));
  }

  /** Remove a forgotten file's bytes from disk (after the transaction that forgot it committed). */
  async purge(id: string) {
    if (isFileId(id)) await fs.rm(path.join(this.dir, id), { force: true });
  }
}

/**
 * Who may read one stored file. The module that put a file somewhere (the company logo, a customer
 * attachment …) answers for it: true or false; `null` means "not one of mine". Modules register
 * their check in modules/registry.ts (`fileOwners`), the same way record visibility works for audit.
 */
export type FileAccessCheck = (db: Db, actor: Actor, fileId: string) => Promise<boolean | null>;

const fileOwners = new Map<string, FileAccessCheck>();

export function registerFileOwner(owner: string, check: FileAccessCheck) {
  fileOwners.set(owner, check);
}

/** The first owner that claims the file decides; a file nobody claims is served to no one. */
export async function canReadFile(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  if (!isFileId(fileId)) return false;
  for (const check of fileOwners.values()) {
    const answer = await check(db, actor, fileId);
    if (answer !== null) return answer;
  }
  return false;
}

/**
 * A Content-Disposition value that keeps any file name: an ASCII fallback for old clients and the
 * real name as RFC 5987 `filename*=UTF-8''…` (Chinese names survive the download).
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sniff the real type from the first bytes; never trust the name or the declared type. */
export function sniffImage(content: Buffer): 'image/png' | 'image/jpeg' | null {
  if (content.length > 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length > 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return null;
}
