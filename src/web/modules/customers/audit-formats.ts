import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFormat, AuditValueFormat } from '../../app/registry/types';
import { useDictLabel } from './api/dictionaries';
import { dictionaryTypes, type DictionaryType } from './types';

const isDictionary = (field: string): field is DictionaryType => (dictionaryTypes as readonly string[]).includes(field);

/** A customer's dictionary codes as their labels, its kind and gender as words. */
function useCustomerValues(): AuditValueFormat {
  const { t } = useTranslation();
  const dictLabel = useDictLabel();
  return useCallback(
    (field, value) => {
      if (typeof value !== 'string') return undefined;
      if (isDictionary(field)) return dictLabel(field, value);
      if (field === 'kind' || field === 'gender') return t(`customer.${field}.${value}`, { defaultValue: value });
      if (field.startsWith('team.')) return t(`customer.access.${value}`, { defaultValue: value });
      return undefined;
    },
    [t, dictLabel],
  );
}

/** A rule's levels and exemptions by name. */
function useRuleValues(): AuditValueFormat {
  const { t } = useTranslation();
  const dictLabel = useDictLabel();
  return useCallback(
    (field, value) => {
      if (field === 'level' && typeof value === 'string') return dictLabel('level', value);
      if (!Array.isArray(value)) return undefined;
      if (field === 'levels') return value.length ? value.map((code) => dictLabel('level', String(code))).join(t('common.listSeparator')) : t('customer.automation.allLevels');
      if (field === 'exemptions') {
        return value.length ? value.map((key) => t(`customer.automation.exemption.${String(key)}`, { defaultValue: String(key) })).join(t('common.listSeparator')) : t('customer.automation.noExemptions');
      }
      return undefined;
    },
    [t, dictLabel],
  );
}

const contactLabels = Object.fromEntries(
  (['name', 'mobile', 'phone', 'email', 'wechat', 'isPrimary', 'remark'] as const).map((f) => [f, `customer.contact.${f}`]),
);

/** How 操作记录 reads this area's changes (WebArea.auditFormats). */
export const customerAuditFormats: Record<string, AuditFormat> = {
  customer: { useValues: useCustomerValues, fieldLabels: { 'team.*': 'customer.team.members' } },
  contact: { fieldLabels: { ...contactLabels, title: 'customer.contact.jobTitle', isDecisionMaker: 'customer.contact.isDecisionMaker' } },
  customer_settings: {
    fieldLabels: Object.fromEntries(
      ['dailyClaimLimit', 'reclaimBlockDays', 'maxOwnedPerUser', 'allowDuplicateName', 'allowDuplicatePhone'].map((f) => [f, `customer.rules.${f}`]),
    ),
  },
  pool_return_rule: {
    fieldLabels: {
      ...Object.fromEntries(['name', 'enabled', 'noFollowupDays', 'noDealDays', 'levels', 'exemptions', 'warnDaysBefore'].map((f) => [f, `customer.automation.${f}`])),
    },
    useValues: useRuleValues,
  },
  revisit_rule: {
    fieldLabels: { level: 'customer.automation.level', intervalDays: 'customer.automation.interval', enabled: 'customer.automation.enabled' },
    useValues: useRuleValues,
  },
  dictionary_item: {
    fieldLabels: { label: 'customer.dictionary.label', labelEn: 'customer.dictionary.labelEn', sort: 'customer.dictionary.sort', enabled: 'customer.dictionary.enabled' },
  },
};
