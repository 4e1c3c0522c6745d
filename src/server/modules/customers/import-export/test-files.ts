import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { TestClient } from '../../../testing/harness';
import { multipartFile } from '../../../testing/multipart';
import { XLSX_MIME } from './workbook';

/** The import and export tests' files: a sheet typed as a person would, its upload, and reading an answer. */

type Cell = string | number | Date | null;

/** A workbook of one sheet: the header row, then the rows. */
export async function xlsxOf(headers: string[], rows: Cell[][], sheetName = '客户'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function uploadFile(client: TestClient, url: string, content: Buffer, filename = 'customers.xlsx', headers: Record<string, string> = {}) {
  const body = multipartFile(content, filename, XLSX_MIME);
  return client.request('POST', url, body.payload, { ...body.headers, ...headers });
}

/** A downloaded workbook, from the bytes or from base64 (the error report). */
export async function readXlsx(body: Buffer | string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof body === 'string' ? Buffer.from(body, 'base64') : body) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet row's cell values (without ExcelJS's unused index 0). */
export const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

/**
 * A zip of the given entries, deflated, as an archiver writes it (to build files no spreadsheet
 * program would); `declaredSize` is what its directory claims the entry unpacks to, true or not.
 */
export function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize = data.length } of entries) {
    const packed = zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
