import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/session';

/** 我的信息: who I am in the organisation. */
export default function MyInfoWidget() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'name', label: t('workbench.myInfo.name'), children: me.name },
        { key: 'username', label: t('workbench.myInfo.username'), children: me.username },
        { key: 'department', label: t('workbench.myInfo.department'), children: me.departmentName || '—' },
        {
          key: 'roles',
          label: t('workbench.myInfo.roles'),
          children: me.roles.length ? (
            <Space size={[0, 4]} wrap>
              {me.roles.map((r) => (
                <Tag key={r.id}>{r.name}</Tag>
              ))}
            </Space>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}
