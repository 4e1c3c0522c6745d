import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ColumnChoice {
  key: string;
  title: ReactNode;
  /** Always shown (the customer's name). */
  fixed?: boolean;
}

/** 列设置: which of the list's columns show; `null` means the list's own choice (`defaults`). */
export default function ColumnSettings({
  choices,
  value,
  defaults,
  onChange,
}: {
  choices: ColumnChoice[];
  value: string[] | null;
  defaults: readonly string[];
  onChange: (columns: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const shown = [...(value ?? defaults)];
  const content = (
    <div style={{ maxWidth: 240 }}>
      <Checkbox.Group
        value={shown}
        onChange={(keys) => {
          const picked = new Set([...(keys as string[]), ...choices.filter((c) => c.fixed).map((c) => c.key)]);
          onChange(choices.filter((c) => picked.has(c.key)).map((c) => c.key));
        }}
      >
        <Space orientation="vertical" size={4}>
          {choices.map((c) => (
            <Checkbox key={c.key} value={c.key} disabled={c.fixed}>
              {c.title}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Divider style={{ margin: '8px 0' }} />
      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onChange(null)}>
        {t('customer.savedScene.allColumns')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('customer.savedScene.columns')} content={content}>
      <Button icon={<SettingOutlined />}>{t('customer.savedScene.columns')}</Button>
    </Popover>
  );
}
