import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { usePermissions } from '../../../app/auth/session';
import type { Department } from '../types';
import UserList from '../users/UserList';
import { useDepartmentMutations, useDepartments } from './api';
import { departmentPath } from './tree';

interface Props {
  department: Department;
  onCreateChild: () => void;
  onRename: () => void;
  onMove: () => void;
  onDeleted: () => void;
}

/** The selected department: its place in the tree, the editing actions, and its members. */
export default function DepartmentDetail({ department, onCreateChild, onRename, onMove, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const { data } = useDepartments();
  const { remove } = useDepartmentMutations();
  const canManage = can('org.department.manage');

  const confirmDelete = () =>
    remove.mutateAsync(department.id).then(
      () => {
        void message.success(t('common.deleted'));
        onDeleted();
      },
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const actions = canManage && (
    <Space wrap size={8}>
      <Button size="small" icon={<PlusOutlined />} onClick={onCreateChild}>
        {t('org.dept.createChild')}
      </Button>
      <Button size="small" icon={<EditOutlined />} onClick={onRename}>
        {t('org.dept.rename')}
      </Button>
      <Button size="small" icon={<DragOutlined />} onClick={onMove}>
        {t('org.dept.move')}
      </Button>
      <Popconfirm
        title={t('org.dept.deleteConfirm', { name: department.name })}
        description={t('org.dept.deleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={confirmDelete}
      >
        <Button size="small" danger icon={<DeleteOutlined />}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <Card title={department.name}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {department.parentId !== null && (
          <Typography.Text type="secondary">{departmentPath(data ?? [], department.id).join(' / ')}</Typography.Text>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'users', label: t('org.dept.userCount'), children: department.userCount },
            { key: 'sort', label: t('org.dept.sort'), children: department.sort },
          ]}
        />
        {actions}
        {can('org.user.view') && (
          <div>
            <Typography.Title level={5}>{t('org.dept.members')}</Typography.Title>
            <UserList key={department.id} departmentId={department.id} />
          </div>
        )}
      </Space>
    </Card>
  );
}
