import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { Activity } from '../types';
import { CUSTOMERS_KEY } from './customers';

export interface EmailInput {
  contactId?: number;
  to?: string;
  cc?: string[];
  subject: string;
  body: string;
}

export interface SmsInput {
  contactId?: number;
  mobile?: string;
  content: string;
}

/**
 * 发邮件 / 发短信: a sent message and a failed one both land in 行动历史, so the customer's
 * queries refresh either way.
 */
export function useSendMessage() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
  return {
    email: useMutation({
      mutationFn: ({ customerId, ...body }: EmailInput & { customerId: number }) => api.post<Activity>(`/customers/${customerId}/email`, body),
      onSettled: refresh,
    }),
    sms: useMutation({
      mutationFn: ({ customerId, ...body }: SmsInput & { customerId: number }) => api.post<Activity>(`/customers/${customerId}/sms`, body),
      onSettled: refresh,
    }),
  };
}

/** Whether mail and SMS are set up (an administrator's settings), so the view can say so before anyone writes. */
export function useMessagingAvailability() {
  return useQuery({
    queryKey: ['messaging', 'availability'],
    queryFn: () => api.get<{ email: boolean; sms: boolean }>('/messaging/availability'),
    staleTime: 60_000,
  });
}
