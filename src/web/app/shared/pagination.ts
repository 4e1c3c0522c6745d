import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import type { ListResponse } from '../api';

/** Table pagination for the list convention; an inexact total reads "共 10,000+ 条". */
export function paginationOf(
  data: ListResponse<unknown> | undefined,
  paging: { page: number; pageSize: number },
  t: TFunction,
): TablePaginationConfig {
  const exact = data?.totalExact ?? true;
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total) =>
      exact ? t('common.total', { count: total }) : t('common.totalAtLeast', { count: total.toLocaleString() }),
    responsive: true,
    showLessItems: true,
  };
}
