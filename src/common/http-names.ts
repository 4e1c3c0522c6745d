// Cookie and header names shared by server and web. Kept free of Zod so the web bundle stays small.
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'csrf_token';
export const SESSION_COOKIE = 'sid';
export const LANG_COOKIE = 'lang';
