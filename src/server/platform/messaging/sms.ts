import { createHmac } from 'node:crypto';
import type { MessagingRow } from './settings';

export type SmsResult = { ok: boolean; status: number | null; answer: string; error?: string };

const TIMEOUT_MS = 10_000;
const ANSWER_LIMIT = 500;

/** JSON bodies get JSON-escaped values; form bodies and query strings URL-encoded ones. */
function looksLikeJson(template: string) {
  const first = template.trimStart()[0];
  return first === '{' || first === '[';
}

/** Fill {mobile} {content} {sign} {timestamp}; the secret is never a placeholder. */
export function renderTemplate(template: string, values: Record<string, string>, json: boolean): string {
  return template.replace(/\{(mobile|content|sign|timestamp)\}/g, (_m, key: string) => {
    const value = values[key] ?? '';
    return json ? JSON.stringify(value).slice(1, -1) : encodeURIComponent(value);
  });
}

export function signPayload(payload: string, secret: string) {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

export interface SmsRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** The exact HTTP request the gateway gets for one message (exported for tests and the docs). */
export function buildSmsRequest(row: MessagingRow, mobile: string, content: string, now = new Date()): SmsRequest {
  const values = { mobile, content, sign: row.smsSign, timestamp: String(Math.floor(now.getTime() / 1000)) };
  const json = looksLikeJson(row.smsTemplate);
  const payload = renderTemplate(row.smsTemplate, values, json && row.smsMethod === 'POST');
  const headers: Record<string, string> = {};
  if (row.smsMethod === 'POST') headers['content-type'] = json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded; charset=utf-8';
  for (const [name, value] of Object.entries(row.smsHeaders ?? {})) headers[name.toLowerCase()] = value;
  if (row.smsSignatureHeader && row.smsSecret) headers[row.smsSignatureHeader.toLowerCase()] = signPayload(payload, row.smsSecret);
  if (row.smsMethod === 'GET') {
    const url = payload ? `${row.smsUrl}${row.smsUrl.includes('?') ? '&' : '?'}${payload.replace(/^[?&]/, '')}` : row.smsUrl;
    return { url, method: 'GET', headers };
  }
  return { url: row.smsUrl, method: 'POST', headers, body: payload };
}

function truncate(text: string) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ANSWER_LIMIT ? `${flat.slice(0, ANSWER_LIMIT)}…` : flat;
}

function portOf(url: string): string {
  try {
    return new URL(url).port;
  } catch {
    return '?';
  }
}

/** Call the gateway once; a 2xx answer is a success. Never throws. */
export async function sendSms(row: MessagingRow, mobile: string, content: string): Promise<SmsResult> {
  const request = buildSmsRequest(row, mobile, content);
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    let answer = '';
    try {
      answer = truncate(await res.text());
    } catch {
      answer = '';
    }
    if (row.smsSecret) answer = answer.split(row.smsSecret).join('***');
    return res.ok ? { ok: true, status: res.status, answer } : { ok: false, status: res.status, answer, error: `HTTP ${res.status}${answer ? ` ${answer.slice(0, 200)}` : ''}` };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const cause = e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
    // fetch refuses ports browsers block (e.g. 9, 25, 6000) with a bare "bad port".
    const reason = e.name === 'TimeoutError' ? `timeout after ${TIMEOUT_MS / 1000}s` : cause === 'bad port' ? `port ${portOf(request.url)} is not allowed for HTTP calls; use another port` : cause;
    return { ok: false, status: null, answer: '', error: truncate(String(reason)) };
  }
}
