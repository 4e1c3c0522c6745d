import { Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { customerScenes, type CustomerScene } from '../types';

/**
 * The list's 场景: a segmented bar on wide screens, a select on phones. 下属负责的 only for someone
 * with people reporting to them (or when a link or saved scene opens it anyway).
 */
export default function SceneSwitch({ value, onChange }: { value: CustomerScene; onChange: (scene: CustomerScene) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { hasSubordinates } = useMe();
  const options = customerScenes
    .filter((s) => s !== 'subordinates' || hasSubordinates || value === s)
    .map((s) => ({ value: s, label: t(`customer.scene.${s}`) }));
  if (isMobile) {
    return <Select<CustomerScene> value={value} onChange={onChange} options={options} aria-label={t('customer.scene.label')} style={{ width: '100%' }} />;
  }
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Segmented<CustomerScene> value={value} onChange={onChange} options={options} aria-label={t('customer.scene.label')} />
    </div>
  );
}
