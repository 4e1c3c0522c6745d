import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SYSTEM_ACTOR_NAME } from '../../../../common/api';
import type { AuditEntry } from './types';

/**
 * An audit entry's summary in the user's language: its i18n key with its values, else (entries
 * written before keys were stored, or a key this build does not know) the stored Chinese text.
 */
export function useAuditSummary() {
  const { t } = useTranslation();
  return useCallback(
    (entry: Pick<AuditEntry, 'summary' | 'summaryKey' | 'summaryParams'>) =>
      entry.summaryKey ? t(entry.summaryKey, { ...entry.summaryParams, defaultValue: entry.summary ?? '' }) : entry.summary,
    [t],
  );
}

/** Who acted, as the reader says it: the system (jobs, automatic returns) in their language. */
export function useAuditActor() {
  const { t } = useTranslation();
  return useCallback(
    (entry: Pick<AuditEntry, 'actorId' | 'actorName'>) => (entry.actorId === null && entry.actorName === SYSTEM_ACTOR_NAME ? t('audit.systemActor') : (entry.actorName ?? '—')),
    [t],
  );
}
