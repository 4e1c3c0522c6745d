import { Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { usePermissions } from '../auth/session';
import { groupOfPath, selectedMenuKey, visibleMenu } from '../registry/registry';
import { useMenuHighlightOverride } from './menuHighlight';

type Item = Required<MenuProps>['items'][number];

/** The sidebar: registered entries the user may open, grouped into sub-menus. */
export default function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const currentGroup = groupOfPath(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);

  const items = useMemo<Item[]>(
    () =>
      visibleMenu(can).map((node) =>
        node.children
          ? {
              key: node.key,
              icon: node.icon,
              label: t(node.labelKey),
              children: node.children.map((e) => ({ key: e.path, icon: e.icon, label: t(e.labelKey) })),
            }
          : { key: node.key, icon: node.icon, label: t(node.labelKey) },
      ),
    [can, t],
  );

  const selected = useMenuHighlightOverride() ?? selectedMenuKey(pathname);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
