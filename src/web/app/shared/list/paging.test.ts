import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { paginationOf, pagingOfTableChange, sortableColumn } from './paging';

const t = ((key: string, options: { count: number | string }) => `${key}:${options.count}`) as unknown as TFunction;
const page = (total: number, totalExact: boolean) => ({ items: [], page: 1, pageSize: 20, total, totalExact });

describe('paginationOf', () => {
  it('shows an exact total as it is', () => {
    const config = paginationOf(page(42, true), { page: 2, pageSize: 50 }, t);
    expect(config).toMatchObject({ current: 2, pageSize: 50, total: 42, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] });
    expect(config.showTotal?.(42, [51, 42])).toBe('common.total:42');
  });

  it('shows a capped total as "at least", grouped', () => {
    const config = paginationOf(page(10_000, false), { page: 1, pageSize: 20 }, t);
    expect(config.showTotal?.(10_000, [1, 20])).toBe(`common.totalAtLeast:${(10_000).toLocaleString()}`);
  });

  it('reads no data yet as an empty exact list', () => {
    const config = paginationOf(undefined, { page: 1, pageSize: 20 }, t);
    expect(config.total).toBe(0);
    expect(config.showTotal?.(0, [0, 0])).toBe('common.total:0');
  });
});

describe('pagingOfTableChange', () => {
  const fields = ['name', 'createdAt'] as const;

  it('takes page, size and a sort the server knows', () => {
    expect(pagingOfTableChange({ current: 3, pageSize: 50 }, { columnKey: 'createdAt', order: 'ascend' }, fields)).toEqual({
      page: 3,
      pageSize: 50,
      sort: 'createdAt',
      order: 'asc',
    });
    expect(pagingOfTableChange({ current: 1, pageSize: 20 }, [{ columnKey: 'name', order: 'descend' }], fields)).toMatchObject({
      sort: 'name',
      order: 'desc',
    });
  });

  it('drops a cleared sort and a column the server cannot sort by', () => {
    expect(pagingOfTableChange({ current: 2 }, { columnKey: 'name', order: null }, fields)).toEqual({ page: 2, pageSize: 20, sort: undefined, order: undefined });
    expect(pagingOfTableChange({}, { columnKey: 'mobile', order: 'ascend' }, fields)).toEqual({ page: 1, pageSize: 20, sort: undefined, order: undefined });
  });
});

describe('sortableColumn', () => {
  it('marks only the sorted column with its direction', () => {
    expect(sortableColumn('name', { sort: 'name', order: 'asc' })).toEqual({ key: 'name', sorter: true, sortOrder: 'ascend' });
    expect(sortableColumn('name', { sort: 'name', order: 'desc' })).toEqual({ key: 'name', sorter: true, sortOrder: 'descend' });
    expect(sortableColumn<string>('name', { sort: 'createdAt', order: 'asc' }).sortOrder).toBeNull();
  });
});
