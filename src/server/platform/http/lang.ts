import type { FastifyRequest } from 'fastify';
import { LANG_COOKIE } from '../../../common/api';

export type Lang = 'zh' | 'en';

/** A text in both languages. */
export type Bilingual = Record<Lang, string>;

/** The request's language: the `lang` cookie the web app sets, else Accept-Language, else Chinese. */
export function requestLang(req: FastifyRequest): Lang {
  const cookie = req.cookies?.[LANG_COOKIE];
  if (cookie) return cookie.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const header = req.headers['accept-language'];
  if (typeof header === 'string' && header.trim().toLowerCase().startsWith('en')) return 'en';
  return 'zh';
}
