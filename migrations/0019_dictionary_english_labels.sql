-- Dictionary items get an English label, shown in English mode (null shows the Chinese label).
ALTER TABLE "dictionary_items" ADD COLUMN "label_en" text;--> statement-breakpoint
-- The seeded defaults get theirs, unless an administrator renamed the item.
UPDATE "dictionary_items" AS d SET "label_en" = v.label_en
  FROM (VALUES
  ('industry', 'it', 'IT/互联网', 'IT/Internet'),
  ('industry', 'manufacturing', '制造业', 'Manufacturing'),
  ('industry', 'trade', '批发零售', 'Wholesale & retail'),
  ('industry', 'construction', '建筑工程', 'Construction'),
  ('industry', 'finance', '金融', 'Finance'),
  ('industry', 'education', '教育', 'Education'),
  ('industry', 'medical', '医疗', 'Healthcare'),
  ('industry', 'government', '政府/事业单位', 'Government/public sector'),
  ('industry', 'logistics', '交通物流', 'Transport & logistics'),
  ('industry', 'service', '服务业', 'Services'),
  ('industry', 'other', '其他', 'Other'),
  ('scale', '1-20', '1-20人', '1–20 people'),
  ('scale', '21-100', '21-100人', '21–100 people'),
  ('scale', '101-500', '101-500人', '101–500 people'),
  ('scale', '500+', '500人以上', 'Over 500 people'),
  ('source', 'telemarketing', '电话营销', 'Telemarketing'),
  ('source', 'online', '网络推广', 'Online marketing'),
  ('source', 'referral', '客户介绍', 'Referral'),
  ('source', 'exhibition', '展会', 'Trade show'),
  ('source', 'inbound', '主动来电', 'Inbound call'),
  ('source', 'other', '其他', 'Other'),
  ('level', 'A', 'A（重点）', 'A (key)'),
  ('level', 'B', 'B（普通）', 'B (regular)'),
  ('level', 'C', 'C（一般）', 'C (minor)'),
  ('level', 'D', 'D（潜在）', 'D (prospect)'),
  ('status', 'potential', '潜在客户', 'Prospect'),
  ('status', 'intent', '意向客户', 'Interested'),
  ('status', 'deal', '成交客户', 'Won'),
  ('status', 'lost', '流失客户', 'Lost')
  ) AS v(dict_type, code, label, label_en)
 WHERE d.dict_type = v.dict_type AND d.code = v.code AND d.label = v.label;
