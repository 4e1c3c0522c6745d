import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../app/api';
import type { Activity, ActivityKind, Contact, Customer, ShareAccess, Team } from '../types';
import { CUSTOMERS_KEY } from './customers';

/** Lists may answer `{items}` or a bare array; both read as an array. */
function itemsOf<T>(body: { items: T[] } | T[]): T[] {
  return Array.isArray(body) ? body : body.items;
}

export function useCustomerContacts(customerId: number) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', customerId, 'contacts'],
    queryFn: async () => itemsOf(await api.get<{ items: Contact[] } | Contact[]>(`/customers/${customerId}/contacts`)),
  });
}

export function useContacts(params: { q?: string; customerId?: number; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'contacts', params],
    queryFn: () => api.get<ListResponse<Contact>>('/contacts', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface ContactInput {
  name: string;
  title?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  isDecisionMaker?: boolean;
  isPrimary?: boolean;
  remark?: string | null;
}

export function useContactMutations(customerId: number) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
  return {
    create: useMutation({
      mutationFn: (body: ContactInput) => api.post<Contact>(`/customers/${customerId}/contacts`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<ContactInput> & { id: number }) => api.patch<Contact>(`/contacts/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/contacts/${id}`), onSuccess: refresh }),
  };
}

const ACTIVITY_PAGE = 20;

export function useActivities(customerId: number) {
  return useInfiniteQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', customerId, 'activities'],
    queryFn: ({ pageParam }) =>
      api.get<ListResponse<Activity>>(`/customers/${customerId}/activities`, { page: pageParam, pageSize: ACTIVITY_PAGE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export interface ActivityInput {
  kind: Exclude<ActivityKind, 'system'>;
  content: string;
  occurredAt?: string;
  contactId?: number | null;
  nextContactAt?: string | null;
}

export function useAddActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, ...body }: ActivityInput & { customerId: number }) =>
      api.post<Activity>(`/customers/${customerId}/activities`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}

export interface Reminders {
  date: string;
  dayStart: string;
  items: Customer[];
  todayTotal: number;
  overdueTotal: number;
}

/** 今日需联系: the caller's customers due today and overdue, with both counts. */
export function useReminders() {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'reminders'],
    queryFn: () => api.get<Reminders>('/activities/reminders'),
  });
}

export function useTeam(customerId: number) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', customerId, 'team'],
    queryFn: () => api.get<Team>(`/customers/${customerId}/team`),
  });
}

export function useTeamMutations(customerId: number) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
  return {
    put: useMutation({
      mutationFn: ({ userId, access }: { userId: number; access: ShareAccess }) =>
        api.put<void>(`/customers/${customerId}/team/${userId}`, { access }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (userId: number) => api.delete(`/customers/${customerId}/team/${userId}`), onSuccess: refresh }),
  };
}
