import type { TablePaginationConfig } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { ListResponse } from '../../api';

export type SortDirection = 'asc' | 'desc';

/** The list convention's paging and sorting query: `?page=&pageSize=&sort=&order=`. */
export interface ListPaging<S extends string = never> {
  page: number;
  pageSize: number;
  sort?: S;
  order?: SortDirection;
}

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** What the table's onChange reports about paging. */
export type TablePageChange = Pick<TablePaginationConfig, 'current' | 'pageSize'>;

/** What the table's onChange reports about sorting (one column, or several when multi-sorting). */
export interface TableSorter {
  columnKey?: React.Key;
  order?: SortOrder;
}

/** Table pagination for the list convention; an inexact total reads "共 10,000+ 条". */
export function paginationOf(
  data: ListResponse<unknown> | undefined,
  paging: Pick<ListPaging, 'page' | 'pageSize'>,
  t: TFunction,
): TablePaginationConfig {
  const exact = data?.totalExact ?? true;
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (total) =>
      exact ? t('common.total', { count: total }) : t('common.totalAtLeast', { count: total.toLocaleString() }),
    responsive: true,
    showLessItems: true,
  };
}

/** The paging a table change asks for; a sort on a column the server cannot sort by is dropped. */
export function pagingOfTableChange<S extends string>(
  pagination: TablePageChange,
  sorter: TableSorter | TableSorter[],
  sortFields: readonly S[],
): ListPaging<S> {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const sort = s?.order ? sortFields.find((f) => f === s.columnKey) : undefined;
  return {
    page: pagination.current ?? 1,
    pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE,
    sort,
    order: sort ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
  };
}

/** A server-sorted column's key, sorter and current arrow: spread into the column definition. */
export function sortableColumn<S extends string>(field: S, current: { sort?: S; order?: SortDirection }) {
  const sortOrder: SortOrder = current.sort === field ? (current.order === 'asc' ? 'ascend' : 'descend') : null;
  return { key: field, sorter: true, sortOrder };
}
