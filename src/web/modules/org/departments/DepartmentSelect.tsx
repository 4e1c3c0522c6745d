import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from './api';
import { buildDepartmentTree } from './tree';

type Props = Omit<TreeSelectProps<number>, 'treeData'> & {
  /** Departments that may not be chosen (e.g. a department and its subtree when moving it). */
  disabledIds?: Set<number>;
  /** Offer "top level" as value ROOT_DEPARTMENT (0), wrapping the whole tree. */
  allowRoot?: boolean;
};

export const ROOT_DEPARTMENT = 0;

/** Pick a department from the tree, with search by name. */
export default function DepartmentSelect({ disabledIds, allowRoot, ...props }: Props) {
  const { t } = useTranslation();
  const { data, isLoading } = useDepartments();
  const treeData = useMemo(() => {
    const tree = buildDepartmentTree(data ?? [], disabledIds);
    return allowRoot ? [{ key: ROOT_DEPARTMENT, value: ROOT_DEPARTMENT, title: t('org.dept.topLevel'), children: tree }] : tree;
  }, [data, disabledIds, allowRoot, t]);
  return (
    <TreeSelect<number>
      treeData={treeData}
      loading={isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={t('org.dept.select')}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
