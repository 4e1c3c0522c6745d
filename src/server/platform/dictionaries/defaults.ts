/**
 * The dictionaries customers use and the values a new installation starts with. An administrator
 * renames, reorders, disables and adds items in settings; records keep the item's `code`.
 */
export const dictionaryTypes = ['industry', 'scale', 'source', 'level', 'status'] as const;
export type DictionaryType = (typeof dictionaryTypes)[number];

export const dictionaryDefaults: Record<DictionaryType, { code: string; label: string }[]> = {
  industry: [
    { code: 'it', label: 'IT/互联网' },
    { code: 'manufacturing', label: '制造业' },
    { code: 'trade', label: '批发零售' },
    { code: 'construction', label: '建筑工程' },
    { code: 'finance', label: '金融' },
    { code: 'education', label: '教育' },
    { code: 'medical', label: '医疗' },
    { code: 'government', label: '政府/事业单位' },
    { code: 'logistics', label: '交通物流' },
    { code: 'service', label: '服务业' },
    { code: 'other', label: '其他' },
  ],
  scale: [
    { code: '1-20', label: '1-20人' },
    { code: '21-100', label: '21-100人' },
    { code: '101-500', label: '101-500人' },
    { code: '500+', label: '500人以上' },
  ],
  source: [
    { code: 'telemarketing', label: '电话营销' },
    { code: 'online', label: '网络推广' },
    { code: 'referral', label: '客户介绍' },
    { code: 'exhibition', label: '展会' },
    { code: 'inbound', label: '主动来电' },
    { code: 'other', label: '其他' },
  ],
  level: [
    { code: 'A', label: 'A（重点）' },
    { code: 'B', label: 'B（普通）' },
    { code: 'C', label: 'C（一般）' },
    { code: 'D', label: 'D（潜在）' },
  ],
  status: [
    { code: 'potential', label: '潜在客户' },
    { code: 'intent', label: '意向客户' },
    { code: 'deal', label: '成交客户' },
    { code: 'lost', label: '流失客户' },
  ],
};
