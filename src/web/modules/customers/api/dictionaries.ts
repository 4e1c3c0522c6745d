import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { dictionaryTypes, type CustomerSettings, type DictionaryItem, type DictionaryType } from '../types';

export const DICTIONARIES_KEY = ['dictionaries'] as const;

type DictionaryMap = Record<DictionaryType, DictionaryItem[]>;

/** All customer dictionaries in one request, cached for the session (settings invalidate it). */
export function useDictionaries() {
  return useQuery({
    queryKey: DICTIONARIES_KEY,
    queryFn: async () => {
      const body = await api.get<{ items: Partial<DictionaryMap> }>('/dictionaries', { types: dictionaryTypes.join(',') });
      const map = {} as DictionaryMap;
      for (const type of dictionaryTypes) map[type] = [...(body.items[type] ?? [])].sort((a, b) => a.sort - b.sort);
      return map;
    },
    staleTime: 5 * 60_000,
  });
}

/** The item's label in the user's language: the English one in English mode when it is set. */
export function useItemLabel() {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return useCallback((item: DictionaryItem) => (english && item.labelEn ? item.labelEn : item.label), [english]);
}

/** `label('industry', code)`: the item's label, or the code itself when the item is unknown. */
export function useDictLabel() {
  const { data } = useDictionaries();
  const itemLabel = useItemLabel();
  return useCallback(
    (type: DictionaryType, code: string | null | undefined) => {
      if (!code) return '';
      const item = data?.[type].find((i) => i.code === code);
      return item ? itemLabel(item) : code;
    },
    [data, itemLabel],
  );
}

export function useDictionaryMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: DICTIONARIES_KEY });
  return {
    create: useMutation({
      mutationFn: ({ type, ...body }: { type: DictionaryType; code?: string; label: string; labelEn?: string | null; sort?: number }) =>
        api.post<DictionaryItem>(`/dictionaries/${type}`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: number; label?: string; labelEn?: string | null; sort?: number; enabled?: boolean }) =>
        api.patch<DictionaryItem>(`/dictionaries/items/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/dictionaries/items/${id}`), onSuccess: refresh }),
  };
}

const SETTINGS_KEY = ['settings', 'customers'] as const;

export function useCustomerSettings(enabled = true) {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<CustomerSettings>('/customer-settings'), enabled });
}

export function useSaveCustomerSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerSettings) => api.put<CustomerSettings>('/customer-settings', body),
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
}
