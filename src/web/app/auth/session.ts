import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, rememberCsrfToken } from '../api';
import { setDisplayTimeZone } from '../shared/format';
import { forgetLists } from '../shared/list/remembered';
import type { Company, Me, Session } from './types';

export const SESSION_KEY = ['auth', 'session'] as const;

async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/auth/me');
  rememberCsrfToken(session.csrfToken);
  setDisplayTimeZone(session.company?.timeZone);
  return session;
}

/** The current session; only used inside the authenticated shell (a 401 goes to /login). */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** The logged-in user; call only below the authenticated shell, where the session is loaded. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside the authenticated shell');
  return data.user;
}

export function useCompany(): Company | undefined {
  return useSession().data?.company;
}

/** `can('org.user.manage')`: whether the user holds a permission (the server still decides). */
export function usePermissions() {
  const { data } = useSession();
  const permissions = data?.user.permissions;
  const can = useCallback((perm?: string | null) => !perm || !!permissions?.includes(perm), [permissions]);
  return { permissions: permissions ?? [], can };
}

export function storeSession(client: QueryClient, session: Session): void {
  rememberCsrfToken(session.csrfToken);
  setDisplayTimeZone(session.company?.timeZone);
  client.setQueryData(SESSION_KEY, session);
}

/** Replace the company in the cached session after settings change it. */
export function storeCompany(client: QueryClient, company: Company): void {
  setDisplayTimeZone(company.timeZone);
  client.setQueryData<Session>(SESSION_KEY, (old) => (old ? { ...old, company } : old));
}

export function storeMe(client: QueryClient, user: Me): void {
  client.setQueryData<Session>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Session>('/auth/login', body),
    onSuccess: (session) => {
      client.clear();
      forgetLists();
      storeSession(client, session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      rememberCsrfToken(undefined);
      client.clear();
      forgetLists();
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { oldPassword: string; newPassword: string }) => api.post<void>('/auth/password', body),
  });
}
