import { Tag } from 'antd';
import { useDictLabel } from '../api/dictionaries';

const COLORS: Record<string, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };

/** 级别 as a coloured tag (A red … D grey); nothing when the customer has no level. */
export default function LevelTag({ level }: { level: string | null | undefined }) {
  const label = useDictLabel();
  if (!level) return null;
  return (
    <Tag color={COLORS[level.toUpperCase()] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label('level', level)}
    </Tag>
  );
}
