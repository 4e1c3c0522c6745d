import { Card, Col, Empty, Row } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { useDepartments } from './api';
import DepartmentDetail from './DepartmentDetail';
import DepartmentFormModal, { type DepartmentFormTarget } from './DepartmentFormModal';
import DepartmentTreeCard from './DepartmentTreeCard';
import MoveDepartmentModal from './MoveDepartmentModal';

/** 部门管理: the tree on the left, the selected department on the right (stacked on phones). */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { data } = useDepartments();
  const [selectedId, setSelectedId] = useState<number>();
  const [formTarget, setFormTarget] = useState<DepartmentFormTarget | null>(null);
  const [moving, setMoving] = useState(false);
  const selected = data?.find((d) => d.id === selectedId);
  const isMobile = useIsMobile();
  const detailRef = useRef<HTMLDivElement>(null);

  const select = (id: number | undefined) => {
    setSelectedId(id);
    // On a phone the details sit below the tree: bring them into view.
    if (id && isMobile) requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <DepartmentTreeCard
          selectedId={selectedId}
          onSelect={select}
          canManage={can('org.department.manage')}
          onCreateRoot={() => setFormTarget({ mode: 'create', parent: null })}
        />
      </Col>
      <Col xs={24} lg={16} ref={detailRef}>
        {selected ? (
          <DepartmentDetail
            department={selected}
            onCreateChild={() => setFormTarget({ mode: 'create', parent: selected })}
            onRename={() => setFormTarget({ mode: 'rename', department: selected })}
            onMove={() => setMoving(true)}
            onDeleted={() => setSelectedId(undefined)}
          />
        ) : (
          <Card>
            <Empty description={t('org.dept.selectHint')} />
          </Card>
        )}
      </Col>
      <DepartmentFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <MoveDepartmentModal department={moving && selected ? selected : null} onClose={() => setMoving(false)} />
    </Row>
  );
}
