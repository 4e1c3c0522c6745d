import { Button, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../../../app/auth/session';
import { quickLinks } from '../../../app/registry/registry';

/** 快捷入口: every page in the menu this user may open. */
export default function QuickLinksWidget() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const links = quickLinks(can);
  if (links.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.quickLinks.empty')} />;
  return (
    <Flex wrap gap={8}>
      {links.map((link) => (
        <Button key={link.path} icon={link.icon} onClick={() => navigate(link.path)}>
          {t(link.labelKey)}
        </Button>
      ))}
    </Flex>
  );
}
