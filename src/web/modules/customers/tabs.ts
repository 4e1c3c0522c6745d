import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '../../../common/permissions';
import type { Customer } from './types';

/** A tab of the customer view (客户视图) that another area adds: 商机, 报价, 订单, 回款, 服务记录 … */
export interface CustomerViewTab {
  key: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  /** Lazily loaded; receives the customer being viewed. */
  component: LazyExoticComponent<ComponentType<{ customer: Customer }>>;
  permission?: Permission;
  /** Position after the built-in tabs (概况 10, 联系人 20, 行动历史 30, 团队成员 40, 操作记录 90); 附件 is 50. */
  order: number;
}

/**
 * Tabs later areas add to the customer view. An area registers in its index.tsx, which the shell
 * loads before the first render:
 *   registerCustomerViewTab({ key: 'opportunities', labelKey: 'opportunity.tab', order: 50,
 *     permission: 'opportunity.view', component: lazy(() => import('./CustomerOpportunities')) });
 */
export const customerViewTabs: CustomerViewTab[] = [];

export function registerCustomerViewTab(tab: CustomerViewTab): void {
  if (!customerViewTabs.some((t) => t.key === tab.key)) customerViewTabs.push(tab);
}
