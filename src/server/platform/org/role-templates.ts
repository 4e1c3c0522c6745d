import { allPermissions, type DataScope, type Permission } from '../../../common/permissions';

export const ADMIN_ROLE_CODE = 'admin';

export interface RoleTemplate {
  code: string;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: readonly Permission[];
  isSystem?: boolean;
}

/**
 * The roles of DOMAIN.md, shipped ready to use. Later areas add their permissions to the templates
 * here; an installation that already has a template keeps the administrator's edits.
 */
export const roleTemplates: RoleTemplate[] = [
  {
    code: ADMIN_ROLE_CODE,
    name: '系统管理员',
    description: '系统设置、组织架构与权限管理',
    dataScope: 'all',
    permissions: allPermissions,
    isSystem: true,
  },
  {
    code: 'boss',
    name: '老板/总经理',
    description: '掌控公司核心事项：审批、员工日志、销售漏斗、库存与财务',
    dataScope: 'all',
    permissions: ['org.department.view', 'org.user.view', 'role.view', 'audit.view', 'customer.view', 'customer.export', 'customer.transfer', 'customer.assign', 'customer.pool'],
  },
  {
    code: 'sales_manager',
    name: '销售经理',
    description: '指导销售跟单、分配客户资源与任务、团队管理',
    dataScope: 'department_tree',
    permissions: [
      'org.department.view',
      'org.user.view',
      'audit.view',
      'customer.view',
      'customer.create',
      'customer.update',
      'customer.delete',
      'customer.transfer',
      'customer.share',
      'customer.pool',
      'customer.assign',
      'customer.import',
      'customer.export',
    ],
  },
  {
    code: 'sales_rep',
    name: '销售人员',
    description: '客户资料、跟单、报价与订单',
    dataScope: 'self',
    permissions: ['customer.view', 'customer.create', 'customer.update', 'customer.share', 'customer.pool', 'customer.export'],
  },
  { code: 'tech', name: '技术人员', description: '售前安装指导、售后保修维护', dataScope: 'self', permissions: ['customer.view'] },
  {
    code: 'customer_service',
    name: '客服人员',
    description: '来电记录、客服记录、协调售前售后',
    // Callers may be anyone's customer: service staff look up and log calls across the company.
    dataScope: 'all',
    permissions: ['customer.view', 'customer.create', 'customer.update'],
  },
  { code: 'repair', name: '维修人员', description: '维修工单、配件与维修费用、交付', dataScope: 'self', permissions: ['customer.view'] },
  { code: 'buyer', name: '采购人员', description: '采购申请、询价、采购与付款', dataScope: 'self', permissions: [] },
  { code: 'warehouse', name: '仓管人员', description: '仓库初始化、出入库与库存流水', dataScope: 'department', permissions: [] },
  {
    code: 'office_admin',
    name: '行政人员',
    description: '管理工作流程、处理日常事务',
    dataScope: 'all',
    permissions: ['org.department.view', 'org.user.view'],
  },
  { code: 'finance', name: '财务人员', description: '应收应付、费用、工资与财务数据', dataScope: 'all', permissions: ['org.user.view', 'customer.view', 'customer.export'] },
];
