import { Form, InputNumber, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import EditableListCard from '../../../app/shared/EditableListCard';
import { wholeNumberRule } from '../../../app/shared/forms';
import { type RevisitRule, type RevisitRuleInput, useRevisitRuleMutations, useRevisitRules } from '../api/automation';
import { useDictLabel } from '../api/dictionaries';
import DictSelect from '../shared/DictSelect';

/** 回访计划: per customer level, how often owners revisit; saving opens the to-dos already due, the daily run the rest. */
export default function RevisitRulesSection() {
  const { t } = useTranslation();
  const rules = useRevisitRules();
  const { save, remove } = useRevisitRuleMutations();
  const dictLabel = useDictLabel();
  const a = (key: string, opts?: Record<string, unknown>) => t(`customer.automation.${key}`, opts);

  return (
    <EditableListCard<RevisitRule, RevisitRuleInput>
      title={a('revisitRules')}
      labels={{ add: a('addPlan'), edit: a('editPlan'), deleteConfirm: (r) => a('deletePlanConfirm', { level: dictLabel('level', r.level) }), empty: a('noRevisitRules') }}
      list={rules}
      save={save}
      remove={remove}
      blank={{ level: undefined, intervalDays: 7, enabled: true }}
      formName="revisitRule"
      columns={[
        { title: a('level'), dataIndex: 'level', render: (v: string, r) => <Space>{dictLabel('level', v)}{!r.enabled && <Tag>{a('disabled')}</Tag>}</Space> },
        { title: a('interval'), dataIndex: 'intervalDays', render: (n: number) => a('everyDays', { count: n }) },
      ]}
    >
      <Form.Item name="level" label={a('level')} rules={[{ required: true, message: t('validation.select', { field: a('level') }) }]}>
        <DictSelect type="level" allowClear={false} />
      </Form.Item>
      <Form.Item
        name="intervalDays"
        label={a('interval')}
        extra={a('intervalHint')}
        rules={[{ required: true, message: t('validation.required', { field: a('interval') }) }, wholeNumberRule(t, 1, 3650)]}
      >
        <InputNumber suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item name="enabled" label={a('enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </EditableListCard>
  );
}
