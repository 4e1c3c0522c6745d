/** The demo company: departments and one or more people for each role. */
export const DEMO_PASSWORD = 'Demo1234';
export const DEMO_ADMIN_PASSWORD = 'Admin1234';

export const demoCompany = {
  name: '华夏智联科技有限公司',
  shortName: '华夏智联',
  address: '上海市浦东新区张江高科技园区博云路 2 号',
  phone: '021-58880000',
};

export const demoDepartments = ['总经办', '销售一部', '销售二部', '客服部', '售后维修部', '采购部', '仓储部', '行政部', '财务部'] as const;
export type DemoDepartment = (typeof demoDepartments)[number];

export interface DemoUser {
  username: string;
  name: string;
  role: string;
  department: DemoDepartment;
  supervisor?: string;
  mobile: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'zhangwei', name: '张伟', role: 'boss', department: '总经办', mobile: '13800000001' },
  { username: 'liqiang', name: '李强', role: 'sales_manager', department: '销售一部', supervisor: 'zhangwei', mobile: '13800000002' },
  { username: 'wangfang', name: '王芳', role: 'sales_rep', department: '销售一部', supervisor: 'liqiang', mobile: '13800000003' },
  { username: 'zhaolei', name: '赵磊', role: 'sales_rep', department: '销售一部', supervisor: 'liqiang', mobile: '13800000004' },
  { username: 'chenjing', name: '陈静', role: 'sales_manager', department: '销售二部', supervisor: 'zhangwei', mobile: '13800000005' },
  { username: 'liuyang', name: '刘洋', role: 'sales_rep', department: '销售二部', supervisor: 'chenjing', mobile: '13800000006' },
  { username: 'sunli', name: '孙丽', role: 'customer_service', department: '客服部', supervisor: 'zhangwei', mobile: '13800000007' },
  { username: 'zhoujie', name: '周杰', role: 'tech', department: '售后维修部', supervisor: 'zhangwei', mobile: '13800000008' },
  { username: 'wuhao', name: '吴昊', role: 'repair', department: '售后维修部', supervisor: 'zhoujie', mobile: '13800000009' },
  { username: 'zhengmin', name: '郑敏', role: 'buyer', department: '采购部', supervisor: 'zhangwei', mobile: '13800000010' },
  { username: 'fenggang', name: '冯刚', role: 'warehouse', department: '仓储部', supervisor: 'zhangwei', mobile: '13800000011' },
  { username: 'heyan', name: '何燕', role: 'office_admin', department: '行政部', supervisor: 'zhangwei', mobile: '13800000012' },
  { username: 'huangli', name: '黄莉', role: 'finance', department: '财务部', supervisor: 'zhangwei', mobile: '13800000013' },
];
