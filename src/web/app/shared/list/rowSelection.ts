import type { TableRowSelection } from 'antd/es/table/interface';

/**
 * A list's tick column for bulk actions: ticks kept across pages (preserveSelectedRowKeys), narrow,
 * and pinned to the left on a desktop, where the table scrolls sideways under it.
 */
export function rowSelection<T extends { id: number }>(selected: T[], onChange: (rows: T[]) => void, pinned: boolean): TableRowSelection<T> {
  return {
    selectedRowKeys: selected.map((row) => row.id),
    onChange: (_keys, rows) => onChange(rows),
    preserveSelectedRowKeys: true,
    columnWidth: 36,
    fixed: pinned,
  };
}
