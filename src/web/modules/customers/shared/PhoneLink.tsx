import { PhoneOutlined } from '@ant-design/icons';

/** A phone number that dials on a phone (tel:); a dash when empty. */
export default function PhoneLink({ value, icon }: { value: string | null | undefined; icon?: boolean }) {
  if (!value) return <>—</>;
  return (
    <a href={`tel:${value.replace(/[^\d+]/g, '')}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
      {icon && <PhoneOutlined style={{ marginInlineEnd: 4 }} />}
      {value}
    </a>
  );
}
