/** Where to go after login: only same-site paths, never the login page itself. */
export function safeRedirect(from: string | null | undefined): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/';
  return from;
}

export function loginPathFor(pathname: string, search = ''): string {
  const from = `${pathname}${search}`;
  return from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`;
}
