import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { ActivityKind } from '../types';
import { CUSTOMERS_KEY } from './customers';

/** 自动回收规则, 即将回收, 回访计划 and revisit to-dos (server: modules/customers/automation). */

export interface PoolReturnRule {
  id: number;
  name: string;
  enabled: boolean;
  noFollowupDays: number | null;
  noDealDays: number | null;
  levels: string[] | null;
  /** Keys of the exemptions offered by GET /pool-return-rules/exemptions. */
  exemptions: string[];
  warnDaysBefore: number;
  updatedAt: string;
}
export type PoolReturnRuleInput = Omit<PoolReturnRule, 'id' | 'updatedAt'>;

/** An exemption a return rule may name; `labelKey` is an i18n key of the area that offers it. */
export interface ReturnExemption {
  key: string;
  labelKey: string;
}

export interface RevisitRule {
  id: number;
  level: string;
  intervalDays: number;
  enabled: boolean;
  updatedAt: string;
}
export type RevisitRuleInput = Omit<RevisitRule, 'id' | 'updatedAt'>;

export interface ReturnWarning {
  customerId: number;
  name: string;
  level: string | null;
  lastFollowupAt: string | null;
  returnAt: string;
  ruleId: number;
  ruleName: string;
}

export interface RevisitTask {
  id: number;
  customerId: number;
  customerName: string;
  level: string | null;
  phone: string | null;
  dueDate: string;
  overdue: boolean;
  lastFollowupAt: string | null;
  intervalDays: number | null;
}

const RETURN_RULES_KEY = ['settings', 'pool-return-rules'] as const;
const REVISIT_RULES_KEY = ['settings', 'revisit-rules'] as const;
const REVISITS_KEY = [...CUSTOMERS_KEY, 'revisits'] as const;

export function usePoolReturnRules() {
  return useQuery({ queryKey: RETURN_RULES_KEY, queryFn: () => api.get<{ items: PoolReturnRule[] }>('/pool-return-rules') });
}

export function useReturnExemptions() {
  return useQuery({
    queryKey: [...RETURN_RULES_KEY, 'exemptions'],
    queryFn: () => api.get<{ items: ReturnExemption[] }>('/pool-return-rules/exemptions'),
    staleTime: Infinity,
  });
}

export function usePoolReturnRuleMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: RETURN_RULES_KEY });
  return {
    save: useMutation({
      mutationFn: ({ id, ...body }: PoolReturnRuleInput & { id?: number }) =>
        id ? api.patch<PoolReturnRule>(`/pool-return-rules/${id}`, body) : api.post<PoolReturnRule>('/pool-return-rules', body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/pool-return-rules/${id}`), onSuccess: refresh }),
  };
}

export function useRevisitRules() {
  return useQuery({ queryKey: REVISIT_RULES_KEY, queryFn: () => api.get<{ items: RevisitRule[] }>('/revisit-rules') });
}

export function useRevisitRuleMutations() {
  const client = useQueryClient();
  // A saved or deleted plan opens or settles to-dos at once (the server applies it), so 今日回访 refreshes too.
  const refresh = () => {
    void client.invalidateQueries({ queryKey: REVISIT_RULES_KEY });
    void client.invalidateQueries({ queryKey: REVISITS_KEY });
  };
  return {
    save: useMutation({
      mutationFn: ({ id, ...body }: RevisitRuleInput & { id?: number }) =>
        id ? api.patch<RevisitRule>(`/revisit-rules/${id}`, body) : api.post<RevisitRule>('/revisit-rules', body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/revisit-rules/${id}`), onSuccess: refresh }),
  };
}

export function useReturnWarnings() {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'return-warnings'],
    queryFn: () => api.get<{ items: ReturnWarning[]; total: number }>('/customers/return-warnings'),
  });
}

export function useRevisits() {
  return useQuery({
    queryKey: REVISITS_KEY,
    queryFn: () => api.get<{ date: string; items: RevisitTask[]; todayTotal: number; overdueTotal: number }>('/revisits', { scope: 'all' }),
  });
}

export function useCompleteRevisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; kind: Exclude<ActivityKind, 'system'>; content: string }) =>
      api.post<{ id: number; next: { id: number; dueDate: string } | null }>(`/revisits/${id}/done`, body),
    // The customer's timeline and follow-up time changed too.
    onSuccess: () => void client.invalidateQueries({ queryKey: CUSTOMERS_KEY }),
  });
}
