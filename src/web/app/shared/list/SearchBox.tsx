import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';

/**
 * A list's search box: its placeholder is also its accessible name, and the search hands over the
 * trimmed text, or undefined for an empty box (which clears the filter).
 */
export default function SearchBox({
  label,
  onSearch,
  ...props
}: Omit<SearchProps, 'onSearch' | 'placeholder' | 'aria-label'> & { label: string; onSearch: (q: string | undefined) => void }) {
  return <Input.Search allowClear {...props} placeholder={label} aria-label={label} onSearch={(v) => onSearch(v.trim() || undefined)} />;
}
