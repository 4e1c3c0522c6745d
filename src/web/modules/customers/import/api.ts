import { CSRF_COOKIE, CSRF_HEADER } from '../../../../common/http-names';
import { API_PREFIX, ApiError, buildQuery, type FieldError, type Query } from '../../../app/api';
import i18n from '../../../app/i18n';
import { readCookie } from '../../../app/shared/cookies';

/** 导入 / 导出: the .xlsx endpoints (multipart uploads and file downloads, which the JSON client does not do). */

/** 企业客户, 个人客户, or 联系人 of existing customers (matched by 客户名称). */
export type ImportKind = 'company' | 'person' | 'contact';

export interface ImportRow {
  row: number;
  values: Record<string, string>;
  errors: FieldError[];
  duplicateOf?: { row?: number; ownerName?: string | null; inPool?: boolean };
}

export interface ImportPreview {
  kind: ImportKind;
  total: number;
  valid: number;
  invalid: number;
  rows: ImportRow[];
  /** The failing rows with their reasons (.xlsx, base64), null when every row passes. */
  errorReport: string | null;
}

export interface ImportResult {
  imported: number;
  failed: number;
  failedRows: ImportRow[];
  /** The error report (.xlsx), base64. */
  errorReport: string | null;
}

async function send(method: string, path: string, query: Query, body?: FormData): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'zh-CN' };
  const token = readCookie(CSRF_COOKIE);
  if (method !== 'GET' && token) headers[CSRF_HEADER] = token;
  let res: Response;
  try {
    res = await fetch(`${API_PREFIX}${path}${buildQuery(query)}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const payload = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: FieldError[] }; requestId?: string } | null;
    if (payload?.error) throw new ApiError(res.status, payload.error.code, payload.error.message, payload.error.details ?? [], payload.requestId);
    throw new ApiError(res.status, `HTTP_${res.status}`, i18n.t('errors.server', { status: res.status }));
  }
  return res;
}

/** POST one file as multipart (field `file`); the JSON answer, or an ApiError with the server's message. */
export async function upload<T>(path: string, file: File, query: Query = {}): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return (await send('POST', path, query, form)).json() as Promise<T>;
}

export const previewImport = (file: File, kind: ImportKind) => upload<ImportPreview>('/customers/import/preview', file, { kind });

export const commitImport = (file: File, kind: ImportKind, target: { target: 'owner' | 'pool'; ownerId?: number }) =>
  upload<ImportResult>('/customers/import/commit', file, { kind, ...target });

/** Hand a file to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileNameOf(res: Response, fallback: string): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** GET a file endpoint and save what it answers. */
export async function download(path: string, query: Query, fallbackName: string) {
  const res = await send('GET', path, query);
  saveBlob(await res.blob(), fileNameOf(res, fallbackName));
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveBase64Xlsx(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: XLSX_MIME }), fileName);
}
