import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../app/api';
import type { User, UserOption, UserStatus } from '../types';

export type UserSortField = 'username' | 'name' | 'createdAt' | 'lastLoginAt';
export const userSortFields: UserSortField[] = ['username', 'name', 'createdAt', 'lastLoginAt'];

export interface UserListParams {
  q?: string;
  departmentId?: number;
  status?: UserStatus;
  roleId?: number;
  page: number;
  pageSize: number;
  sort?: UserSortField;
  order?: 'asc' | 'desc';
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => api.get<ListResponse<User>>('/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** For pickers (supervisor, actor): any logged-in user may search them. */
/** `within`: only users inside the caller's data scope of that module (whom they may give records to). */
export function useUserOptions(q: string, within?: string) {
  return useQuery({
    queryKey: ['users', 'options', q, within ?? ''],
    queryFn: async () => (await api.get<{ items: UserOption[] }>('/users/options', { q, within })).items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export interface UserCreateInput {
  username: string;
  password: string;
  name: string;
  mobile?: string | null;
  email?: string | null;
  departmentId: number;
  supervisorId?: number | null;
  roleIds: number[];
  status?: UserStatus;
}

export type UserUpdateInput = Partial<Omit<UserCreateInput, 'username' | 'password'>>;

export function useUserMutations() {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['users'] });
    // user counts shown in the department tree and role list change too
    void client.invalidateQueries({ queryKey: ['departments'] });
    void client.invalidateQueries({ queryKey: ['roles'] });
  };
  return {
    create: useMutation({ mutationFn: (body: UserCreateInput) => api.post<User>('/users', body), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, ...body }: UserUpdateInput & { id: number }) => api.patch<User>(`/users/${id}`, body),
      onSuccess: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
        api.post<void>(`/users/${id}/reset-password`, { newPassword }),
    }),
  };
}
