/**
 * The dictionaries customers use and the values a new installation starts with, with their English
 * labels. An administrator renames, reorders, disables and adds items in settings; records keep
 * the item's `code`.
 */
export const dictionaryTypes = ['industry', 'scale', 'source', 'level', 'status'] as const;
export type DictionaryType = (typeof dictionaryTypes)[number];

export const dictionaryDefaults: Record<DictionaryType, { code: string; label: string; labelEn: string }[]> = {
  industry: [
    { code: 'it', label: 'IT/互联网', labelEn: 'IT/Internet' },
    { code: 'manufacturing', label: '制造业', labelEn: 'Manufacturing' },
    { code: 'trade', label: '批发零售', labelEn: 'Wholesale & retail' },
    { code: 'construction', label: '建筑工程', labelEn: 'Construction' },
    { code: 'finance', label: '金融', labelEn: 'Finance' },
    { code: 'education', label: '教育', labelEn: 'Education' },
    { code: 'medical', label: '医疗', labelEn: 'Healthcare' },
    { code: 'government', label: '政府/事业单位', labelEn: 'Government/public sector' },
    { code: 'logistics', label: '交通物流', labelEn: 'Transport & logistics' },
    { code: 'service', label: '服务业', labelEn: 'Services' },
    { code: 'other', label: '其他', labelEn: 'Other' },
  ],
  scale: [
    { code: '1-20', label: '1-20人', labelEn: '1–20 people' },
    { code: '21-100', label: '21-100人', labelEn: '21–100 people' },
    { code: '101-500', label: '101-500人', labelEn: '101–500 people' },
    { code: '500+', label: '500人以上', labelEn: 'Over 500 people' },
  ],
  source: [
    { code: 'telemarketing', label: '电话营销', labelEn: 'Telemarketing' },
    { code: 'online', label: '网络推广', labelEn: 'Online marketing' },
    { code: 'referral', label: '客户介绍', labelEn: 'Referral' },
    { code: 'exhibition', label: '展会', labelEn: 'Trade show' },
    { code: 'inbound', label: '主动来电', labelEn: 'Inbound call' },
    { code: 'other', label: '其他', labelEn: 'Other' },
  ],
  level: [
    { code: 'A', label: 'A（重点）', labelEn: 'A (key)' },
    { code: 'B', label: 'B（普通）', labelEn: 'B (regular)' },
    { code: 'C', label: 'C（一般）', labelEn: 'C (minor)' },
    { code: 'D', label: 'D（潜在）', labelEn: 'D (prospect)' },
  ],
  status: [
    { code: 'potential', label: '潜在客户', labelEn: 'Prospect' },
    { code: 'intent', label: '意向客户', labelEn: 'Interested' },
    { code: 'deal', label: '成交客户', labelEn: 'Won' },
    { code: 'lost', label: '流失客户', labelEn: 'Lost' },
  ],
};
