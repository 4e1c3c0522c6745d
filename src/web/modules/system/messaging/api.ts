import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessagingSettings, MessagingSettingsInput } from '../../../../common/messaging';
import { api } from '../../../app/api';

export const MESSAGING_KEY = ['settings', 'messaging'] as const;

export function useMessagingSettings() {
  return useQuery({ queryKey: MESSAGING_KEY, queryFn: () => api.get<MessagingSettings>('/settings/messaging') });
}

export function useMessagingMutations() {
  const client = useQueryClient();
  return {
    save: useMutation({
      mutationFn: (body: MessagingSettingsInput) => api.put<MessagingSettings>('/settings/messaging', body),
      onSuccess: (data) => client.setQueryData(MESSAGING_KEY, data),
    }),
    testEmail: useMutation({ mutationFn: (to: string) => api.post<{ ok: true; response: string }>('/settings/messaging/test-email', { to }) }),
  };
}
