import { CSRF_COOKIE, CSRF_HEADER } from '../../common/http-names';
import i18n from './i18n';
import { readCookie } from './shared/cookies';

/** The list envelope every list endpoint returns. */
export interface ListResponse<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Exact when `totalExact`; otherwise a lower bound ("10,000+"). */
  total: number;
  totalExact: boolean;
}

export interface FieldError {
  field: string;
  message: string;
}

/** A failed request: the server's code and (already translated) message, plus field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const API_PREFIX = '/api/v1';
const LOGIN_PATH = '/auth/login';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

let onUnauthorized: () => void = () => undefined;
let csrfFallback: string | undefined;

/** The shell installs what happens when the session is gone (go to the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Remembers the token from login/me in case the cookie cannot be read. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfFallback = token;
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function parseError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
    const requestId = (body as { requestId?: string }).requestId;
    return new ApiError(res.status, error.code, error.message, details, requestId);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, i18n.t('errors.server', { status: res.status }));
}

/** True when a 401 means "the session is gone" rather than "that password was wrong". */
function isLostSession(path: string, err: ApiError): boolean {
  return err.status === 401 && path !== LOGIN_PATH && err.code !== 'AUTH_INVALID_CREDENTIALS';
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'zh-CN',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (MUTATING.has(method)) {
    const token = readCookie(CSRF_COOKIE) ?? csrfFallback;
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(`${API_PREFIX}${path}${buildQuery(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const err = await parseError(res);
    if (isLostSession(path, err)) onUnauthorized();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A user-facing message for anything thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18n.t('errors.unknown');
}
