import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedScene, SavedSceneInput as CommonSavedSceneInput } from '../../../common/scenes';
import { api } from '../api';

/** The web side of 我的场景: the saved views of one list; `list` is given by the hook. */
export type { SavedScene };
export type SavedSceneInput = Omit<CommonSavedSceneInput, 'list'>;

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
