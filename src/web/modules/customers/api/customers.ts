import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../app/api';
import type {
  BulkAction,
  BulkResult,
  Customer,
  CustomerKind,
  CustomerScene,
  CustomerSortField,
  DuplicateMatch,
  Gender,
  ShareAccess,
} from '../types';

/** Every customer query lives under this key, so one invalidation refreshes lists, views and widgets. */
export const CUSTOMERS_KEY = ['customers'] as const;

export interface CustomerFilters {
  q?: string;
  kind?: CustomerKind;
  level?: string;
  industry?: string;
  source?: string;
  status?: string;
  ownerId?: number;
  departmentId?: number;
  province?: string;
  city?: string;
  district?: string;
  createdFrom?: string;
  createdTo?: string;
  nextContactFrom?: string;
  nextContactTo?: string;
  lastFollowupFrom?: string;
  lastFollowupTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

export interface CustomerListParams extends CustomerFilters {
  scene?: CustomerScene;
  page: number;
  pageSize: number;
  sort?: CustomerSortField;
  order?: 'asc' | 'desc';
}

export function useCustomers(params: CustomerListParams, enabled = true) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'list', params],
    queryFn: () => api.get<ListResponse<Customer>>('/customers', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', id],
    queryFn: () => api.get<Customer>(`/customers/${id}`),
    enabled: Number.isFinite(id) && id > 0,
    retry: false,
  });
}

export interface CustomerInput {
  kind: CustomerKind;
  name: string;
  shortName?: string | null;
  industry?: string | null;
  scale?: string | null;
  source?: string | null;
  level?: string | null;
  status?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  phone?: string | null;
  website?: string | null;
  creditCode?: string | null;
  gender?: Gender | null;
  mobile?: string | null;
  wechat?: string | null;
  birthday?: string | null;
  remark?: string | null;
  ownerId?: number;
  toPool?: boolean;
}

export function useCheckDuplicates(input: { name?: string; phone?: string; mobile?: string; excludeId?: number }, enabled: boolean) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'duplicates', input],
    queryFn: () => api.post<{ matches: DuplicateMatch[] }>('/customers/check-duplicates', input),
    enabled,
    staleTime: 10_000,
    retry: false,
  });
}

export interface BulkInput {
  action: BulkAction;
  ids: number[];
  toUserId?: number;
  access?: ShareAccess;
  reason?: string;
  withContacts?: boolean;
}

/** Every write on customers; each refreshes all customer queries on success. */
export function useCustomerMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
  const stored = (customer: Customer) => {
    client.setQueryData([...CUSTOMERS_KEY, 'one', customer.id], customer);
    refresh();
  };
  return {
    create: useMutation({ mutationFn: (body: CustomerInput) => api.post<Customer>('/customers', body), onSuccess: stored }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<CustomerInput> & { id: number }) => api.patch<Customer>(`/customers/${id}`, body),
      onSuccess: stored,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/customers/${id}`), onSuccess: refresh }),
    restore: useMutation({ mutationFn: (id: number) => api.post<void>(`/customers/${id}/restore`), onSuccess: refresh }),
    hot: useMutation({
      mutationFn: ({ id, hot }: { id: number; hot: boolean }) => api.post<Customer>(`/customers/${id}/hot`, { hot }),
      onSuccess: stored,
    }),
    release: useMutation({
      mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<void>(`/customers/${id}/release`, { reason }),
      onSuccess: refresh,
    }),
    claim: useMutation({ mutationFn: (id: number) => api.post<Customer>(`/customers/${id}/claim`), onSettled: refresh }),
    assign: useMutation({
      mutationFn: ({ id, toUserId }: { id: number; toUserId: number }) => api.post<Customer>(`/customers/${id}/assign`, { toUserId }),
      onSuccess: stored,
    }),
    transfer: useMutation({
      mutationFn: ({ id, toUserId, withContacts }: { id: number; toUserId: number; withContacts?: boolean }) =>
        api.post<Customer>(`/customers/${id}/transfer`, { toUserId, withContacts }),
      onSuccess: stored,
    }),
    bulk: useMutation({ mutationFn: (body: BulkInput) => api.post<BulkResult>('/customers/bulk', body), onSuccess: refresh }),
  };
}

export function useRecycleBin(params: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'recycle-bin', params],
    queryFn: () => api.get<ListResponse<Customer>>('/customers/recycle-bin', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export interface PoolParams {
  q?: string;
  level?: string;
  industry?: string;
  page: number;
  pageSize: number;
}

/** The caller's claims today and the daily limit (0 = no limit), sent with every pool page. */
export interface PoolQuota {
  claimsToday: number;
  dailyClaimLimit: number;
  reclaimBlockDays: number;
}

export function usePool(params: PoolParams) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'pool', params],
    queryFn: () => api.get<ListResponse<Customer> & PoolQuota>('/pool', { ...params }),
    placeholderData: keepPreviousData,
  });
}
