import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Skeleton, Tree } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useDepartments } from './api';
import { buildDepartmentTree, type DepartmentNode } from './tree';

interface Props {
  selectedId?: number;
  onSelect: (id: number | undefined) => void;
  canManage: boolean;
  onCreateRoot: () => void;
}

/** The department tree; selecting a node shows its details and members beside it. */
export default function DepartmentTreeCard({ selectedId, onSelect, canManage, onCreateRoot }: Props) {
  const { t } = useTranslation();
  const { data, isLoading, error } = useDepartments();
  const treeData = useMemo(() => buildDepartmentTree(data ?? []), [data]);
  const expandedKeys = useMemo(() => (data ?? []).map((d) => d.id), [data]);

  return (
    <Card
      title={
        <span>
          <ApartmentOutlined /> {t('org.dept.tree')}
        </span>
      }
      extra={
        canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={onCreateRoot}>
            {t('org.dept.createRoot')}
          </Button>
        )
      }
    >
      {isLoading && <Skeleton active />}
      {error && <Empty description={errorMessage(error)} />}
      {data && data.length === 0 && <Empty description={t('org.dept.empty')} />}
      {treeData.length > 0 && (
        <Tree<DepartmentNode>
          blockNode
          showLine
          treeData={treeData}
          defaultExpandedKeys={expandedKeys}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : undefined)}
          titleRender={(node) => (
            <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
              {node.title}
              <Badge count={node.department.userCount} showZero color="#bfbfbf" size="small" title={t('org.dept.userCount')} />
            </span>
          )}
        />
      )}
    </Card>
  );
}
