import ExcelJS from 'exceljs';
import type { TestClient } from '../../../testing/harness';
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

/** The file as the browser sends it: one multipart part named `file`. */
export function multipartFile(content: Buffer, filename = 'customers.xlsx') {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function uploadFile(client: TestClient, url: string, content: Buffer, filename?: string) {
  const body = multipartFile(content, filename);
  return client.request('POST', url, body.payload, body.headers);
}

/** A downloaded workbook, from the bytes or from base64 (the error report). */
export async function readXlsx(body: Buffer | string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof body === 'string' ? Buffer.from(body, 'base64') : body) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet row's cell values (without ExcelJS's unused index 0). */
export const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
