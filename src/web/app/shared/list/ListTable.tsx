import { Table, type TableProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, type ListResponse } from '../../api';
import { paginationOf } from './paging';
import type { ListState } from './useListState';

/** The parts of a TanStack list query the table reads. */
export interface ListQuery<T> {
  /** A page of the list convention, or a short list shown whole (no paging). */
  data?: ListResponse<T> | readonly T[];
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

export interface ListTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'locale' | 'pagination' | 'onChange'> {
  list: ListQuery<T>;
  /** Paging and sorting from useListState; without it the list shows on one page. */
  state?: Pick<ListState<object, string>, 'paging' | 'toPage' | 'onTableChange'>;
  /** What an empty list shows (antd's 暂无数据 when left out); a failed load shows its error instead. */
  empty?: ReactNode;
}

/**
 * A list page's table: rows, loading, error and empty text, the "共 N 条" / "共 10,000+ 条"
 * pagination, and page, size and sort changes. It scrolls sideways inside its own box on a phone.
 * Other Table props (columns, rowSelection, expandable, className…) pass straight through.
 */
export default function ListTable<T extends object>({ list, state, empty, ...table }: ListTableProps<T>) {
  const { t } = useTranslation();
  const page = Array.isArray(list.data) ? undefined : (list.data as ListResponse<T> | undefined);
  // A last page emptied by a delete, release or transfer: go to the page that is now last.
  const lastPage = page && state ? Math.max(1, Math.ceil(page.total / state.paging.pageSize)) : undefined;
  const beyondEnd = !!page && !list.isFetching && page.items.length === 0 && lastPage !== undefined && state!.paging.page > lastPage;
  useEffect(() => {
    if (beyondEnd) state!.toPage(lastPage!);
  }, [beyondEnd, lastPage, state]);
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      scroll={{ x: 'max-content' }}
      {...table}
      dataSource={page ? page.items : (list.data as readonly T[] | undefined)}
      loading={list.isFetching}
      locale={{ emptyText: list.isError ? errorMessage(list.error) : empty }}
      pagination={state ? paginationOf(page, state.paging, t) : false}
      onChange={state ? (pagination, _filters, sorter) => state.onTableChange(pagination, sorter) : undefined}
    />
  );
}
