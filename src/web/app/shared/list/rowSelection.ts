import type { TableRowSelection } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';

/**
 * A list's tick column for bulk actions: ticks kept across pages (preserveSelectedRowKeys), narrow,
 * and pinned to the left on a desktop, where the table scrolls sideways under it. The header box is
 * named in the user's language (antd names it "Select all" whatever the locale).
 */
export function rowSelection<T extends { id: number }>(t: TFunction, selected: T[], onChange: (rows: T[]) => void, pinned: boolean): TableRowSelection<T> {
  return {
    getTitleCheckboxProps: () => ({ 'aria-label': t('common.selectAllOnPage') }),
    selectedRowKeys: selected.map((row) => row.id),
    onChange: (_keys, rows) => onChange(rows),
    preserveSelectedRowKeys: true,
    columnWidth: 36,
    fixed: pinned,
  };
}
