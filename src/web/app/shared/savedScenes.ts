import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

/** 我的场景: a user's saved views of a list (server: platform/scenes). */
export interface SavedScene {
  id: number;
  list: string;
  name: string;
  filters: Record<string, unknown>;
  /** The visible columns; null keeps whatever the user has set locally. */
  columns: string[] | null;
  isDefault: boolean;
  createdAt: string;
}

export interface SavedSceneInput {
  name: string;
  filters: Record<string, unknown>;
  columns?: string[] | null;
  isDefault?: boolean;
}

const key = (list: string) => ['saved-scenes', list] as const;

export function useSavedScenes(list: string) {
  return useQuery({
    queryKey: key(list),
    queryFn: async () => (await api.get<{ items: SavedScene[] }>('/scenes', { list })).items,
    staleTime: 60_000,
  });
}

export function useSavedSceneMutations(list: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: key(list) });
  return {
    create: useMutation({ mutationFn: (input: SavedSceneInput) => api.post<SavedScene>('/scenes', { list, ...input }), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: Partial<SavedSceneInput> & { id: number }) => api.patch<SavedScene>(`/scenes/${id}`, patch),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/scenes/${id}`), onSuccess }),
  };
}
