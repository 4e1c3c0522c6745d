import zlib from 'node:zlib';

interface CentralEntry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries a zip's central directory lists, or undefined when it cannot be read (ZIP64 included). */
function centralDirectory(zip: Buffer): CentralEntry[] | undefined {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    const entry = { method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24), localOffset: zip.readUInt32LE(at + 42) };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) return undefined;
    entries.push(entry);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The sizes a zip's central directory declares for its entries, summed; undefined when the file
 * is not a readable zip (ZIP64, for files over 4 GB, included).
 */
export function zipUnpackedSize(zip: Buffer): number | undefined {
  return centralDirectory(zip)?.reduce((total, entry) => total + entry.size, 0);
}

/**
 * Whether the zip's entries, actually inflated, stay within `limit` bytes in all. The declared sizes
 * (zipUnpackedSize) cost nothing to read but are the file's own word: a file can declare small
 * entries that inflate to gigabytes, and the spreadsheet parser trusts them. Each entry is inflated
 * here with a cap on its output, so a lie costs at most `limit`. False also when the zip is unreadable.
 */
export function zipInflatesWithin(zip: Buffer, limit: number): boolean {
  const directory = centralDirectory(zip);
  if (!directory) return false;
  let remaining = limit;
  for (const entry of directory) {
    const local = entry.localOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return false;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + entry.compressedSize);
    let size: number;
    if (entry.method === 0) size = packed.length;
    else if (entry.method === 8) {
      try {
        size = zlib.inflateRawSync(packed, { maxOutputLength: remaining + 1 }).length;
      } catch {
        return false;
      }
    } else return false;
    remaining -= size;
    if (remaining < 0) return false;
  }
  return true;
}
