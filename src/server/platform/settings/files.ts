import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { files } from './schema';

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
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row) return null;
    try {
      return { meta: row, content: await fs.readFile(path.join(this.dir, id)) };
    } catch {
      return null;
    }
  }
}

/** Sniff the real type from the first bytes; never trust the name or the declared type. */
export function sniffImage(content: Buffer): 'image/png' | 'image/jpeg' | null {
  if (content.length > 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length > 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return null;
}
