import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../app/api';
import type { AuditAction, AuditEntry } from '../../../app/shared/audit/types';

export interface AuditFilterValues {
  actorId?: number;
  action?: AuditAction;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface AuditListParams extends AuditFilterValues {
  page: number;
  pageSize: number;
}

export function useAuditEntries(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: () => api.get<ListResponse<AuditEntry>>('/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}
