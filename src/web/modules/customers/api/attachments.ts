import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { upload } from '../import/api';
import { CUSTOMERS_KEY } from './customers';

/** 附件 of one customer (server: modules/customers/attachment-routes.ts). */
export interface Attachment {
  id: number;
  customerId: number;
  fileId: string;
  name: string;
  size: number;
  mime: string;
  /** GET /api/v1/files/:id; add `?download=1` to save it. */
  url: string;
  uploadedBy: number | null;
  uploadedByName: string | null;
  createdAt: string;
}

/** The server's limit (413 ATTACHMENT_TOO_LARGE beyond it); checked here too so a user does not wait for a refusal. */
export const ATTACHMENT_MAX_MB = 20;

const keyOf = (customerId: number) => [...CUSTOMERS_KEY, 'one', customerId, 'attachments'];

export function useAttachments(customerId: number) {
  return useQuery({
    queryKey: keyOf(customerId),
    queryFn: async () => (await api.get<{ items: Attachment[] }>(`/customers/${customerId}/attachments`)).items,
  });
}

export function useAttachmentMutations(customerId: number) {
  const client = useQueryClient();
  // The timeline gains an event too, so the whole customer is refreshed.
  const refresh = () => void client.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'one', customerId] });
  return {
    add: useMutation({ mutationFn: (file: File) => upload<Attachment>(`/customers/${customerId}/attachments`, file), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: number) => api.delete(`/customers/${customerId}/attachments/${id}`), onSuccess: refresh }),
  };
}
