import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataScope } from '../../../../common/permissions';
import { api } from '../../../app/api';
import type { PermissionModuleInfo, Role } from '../types';

export const ROLES_KEY = ['roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: async () => (await api.get<{ items: Role[] }>('/roles')).items,
    enabled,
  });
}

/** Role names for pickers (user form, filters): open to anyone who manages users. */
export function useRoleOptions(enabled = true) {
  return useQuery({
    queryKey: [...ROLES_KEY, 'options'],
    queryFn: async () => (await api.get<{ items: Pick<Role, 'id' | 'name'>[] }>('/roles/options')).items,
    enabled,
  });
}

export function usePermissionCatalog() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: async () => (await api.get<{ modules: PermissionModuleInfo[] }>('/permissions')).modules,
    staleTime: Infinity,
  });
}

export interface RoleInput {
  name: string;
  description?: string | null;
  dataScope: DataScope;
  permissions: string[];
}

export function useRoleMutations() {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ROLES_KEY });
    void client.invalidateQueries({ queryKey: ['users'] });
  };
  return {
    create: useMutation({ mutationFn: (body: RoleInput) => api.post<Role>('/roles', body), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, ...body }: Partial<RoleInput> & { id: number }) => api.patch<Role>(`/roles/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/roles/${id}`), onSuccess: refresh }),
  };
}
