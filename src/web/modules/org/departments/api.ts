import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { Department } from '../types';

export const DEPARTMENTS_KEY = ['departments'] as const;

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: async () => (await api.get<{ items: Department[] }>('/departments')).items,
    enabled,
  });
}

export interface DepartmentInput {
  name?: string;
  parentId?: number | null;
  sort?: number;
}

/** Create, update and delete; each refreshes the tree and user lists (names and counts change). */
export function useDepartmentMutations() {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
    void client.invalidateQueries({ queryKey: ['users'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: DepartmentInput & { name: string; parentId: number | null }) =>
        api.post<Department>('/departments', body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: DepartmentInput & { id: number }) => api.patch<Department>(`/departments/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => api.delete(`/departments/${id}`),
      onSuccess: refresh,
    }),
  };
}
