import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { storeCompany } from '../../../app/auth/session';
import type { Company } from '../../../app/auth/types';

export const COMPANY_KEY = ['settings', 'company'] as const;

export type CompanyInput = Omit<Company, 'logoUrl'>;

export function useCompanySettings() {
  return useQuery({ queryKey: COMPANY_KEY, queryFn: () => api.get<Company>('/settings/company') });
}

/** Save, upload and remove the logo; each updates the header through the cached session. */
export function useCompanyMutations() {
  const client = useQueryClient();
  const stored = (company: Company) => {
    client.setQueryData(COMPANY_KEY, company);
    storeCompany(client, company);
  };
  return {
    save: useMutation({ mutationFn: (body: CompanyInput) => api.put<Company>('/settings/company', body), onSuccess: stored }),
    uploadLogo: useMutation({
      mutationFn: (dataUrl: string) => api.post<Company>('/settings/company/logo', { dataUrl }),
      onSuccess: stored,
    }),
    removeLogo: useMutation({ mutationFn: () => api.delete<Company>('/settings/company/logo'), onSuccess: stored }),
  };
}
