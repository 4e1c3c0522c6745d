import type { Lang } from './lang';

/**
 * Every error code the API answers with, and its message in both languages.
 * `{name}` placeholders are filled from the error's params.
 */
export const errorMessages = {
  VALIDATION_FAILED: { zh: '提交的数据有误', en: 'The submitted data is invalid' },
  INVALID_JSON: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { zh: '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的请求内容类型', en: 'Unsupported content type' },
  BODY_NOT_ALLOWED: { zh: '此类请求不能带请求内容', en: 'This request must not carry a body' },
  NOT_FOUND: { zh: '记录不存在或无权查看', en: 'The record does not exist or you may not see it' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such API endpoint' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
  CSRF_INVALID: { zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and try again' },
  CONFLICT: { zh: '数据已被修改或与现有记录冲突', en: 'The data conflicts with an existing record' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
  AUTH_INVALID_CREDENTIALS: { zh: '账号或密码错误', en: 'Wrong username or password' },
  AUTH_USER_DISABLED: { zh: '该账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  AUTH_THROTTLED: {
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed logins; try again in {minutes} minutes',
  },
  AUTH_WRONG_PASSWORD: { zh: '原密码不正确', en: 'The current password is wrong' },
  PASSWORD_SAME: { zh: '新密码不能与原密码相同', en: 'The new password must differ from the current one' },
  DEPARTMENT_NOT_EMPTY: {
    zh: '部门下还有 {users} 个用户、{children} 个子部门，不能删除',
    en: 'The department still has {users} users and {children} sub-departments; it cannot be deleted',
  },
  DEPARTMENT_HAS_USERS: {
    zh: '部门下还有 {users} 个用户，不能删除',
    en: 'The department still has {users} users; it cannot be deleted',
  },
  DEPARTMENT_HAS_CHILDREN: {
    zh: '部门下还有 {children} 个子部门，不能删除',
    en: 'The department still has {children} sub-departments; it cannot be deleted',
  },
  DEPARTMENT_LOOP: {
    zh: '不能把部门移动到它自己或它的下级部门之下',
    en: 'A department cannot be moved under itself or one of its sub-departments',
  },
  DEPARTMENT_ROOT_REQUIRED: { zh: '至少要保留一个顶级部门', en: 'At least one top-level department must remain' },
  USERNAME_TAKEN: { zh: '账号“{username}”已存在', en: 'The username "{username}" is already taken' },
  SUPERVISOR_LOOP: {
    zh: '直属上级不能是本人或其下属（会形成循环）',
    en: 'The supervisor cannot be the user or one of their subordinates (it would form a loop)',
  },
  SUPERVISOR_DISABLED: { zh: '直属上级已停用', en: 'The chosen supervisor is disabled' },
  ROLE_NAME_TAKEN: { zh: '角色名称“{name}”已存在', en: 'The role name "{name}" is already taken' },
  ROLE_IN_USE: {
    zh: '还有 {users} 个用户拥有该角色，不能删除',
    en: '{users} users still hold this role; it cannot be deleted',
  },
  ROLE_SYSTEM: { zh: '系统角色不能删除', en: 'System roles cannot be deleted' },
  ROLE_SYSTEM_LOCKED: {
    zh: '系统管理员角色始终拥有全部权限和全部数据，不能修改',
    en: 'The administrator role always holds every permission and all data; it cannot be changed',
  },
  LAST_ADMIN: {
    zh: '必须保留至少一个启用的系统管理员',
    en: 'At least one active system administrator must remain',
  },
  ROLE_NOT_ASSIGNABLE: {
    zh: '不能授予超出自己权限或数据范围的角色',
    en: 'You cannot grant a role beyond your own permissions or data scope',
  },
  DEPARTMENT_OUT_OF_SCOPE: {
    zh: '只能把用户放在自己数据权限范围内的部门',
    en: 'Users can only be placed in departments within your data scope',
  },
  SELF_ROLES: { zh: '不能修改自己的角色', en: 'You cannot change your own roles' },
  SELF_DISABLE: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  UNKNOWN_REFERENCE: { zh: '{field} 指向的记录不存在', en: '{field} refers to a record that does not exist' },
  LOGO_INVALID: {
    zh: 'Logo 必须是不超过 256 KB 的 PNG 或 JPEG 图片',
    en: 'The logo must be a PNG or JPEG image of at most 256 KB',
  },
  DEMO_REFUSED: { zh: '数据库中已有业务数据，不能再导入演示数据', en: 'The database already holds business data' },
} satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof errorMessages;

/** Messages for field-level checks that Zod's own locale does not cover. */
export const fieldMessages = {
  PASSWORD_WEAK: { zh: '密码至少 8 位，且须同时包含字母和数字', en: 'At least 8 characters with letters and digits' },
  MOBILE_INVALID: { zh: '手机号格式不正确', en: 'Invalid mobile number' },
  EMAIL_INVALID: { zh: '邮箱格式不正确', en: 'Invalid email address' },
  USERNAME_INVALID: {
    zh: '账号只能包含字母、数字、下划线、点和横线，3-32 位',
    en: 'Username: 3-32 letters, digits, underscores, dots or dashes',
  },
  BLANK: { zh: '不能为空', en: 'Must not be blank' },
  TIMEZONE_INVALID: { zh: '未知的时区', en: 'Unknown time zone' },
  PERMISSION_UNKNOWN: { zh: '未知的权限', en: 'Unknown permission' },
} satisfies Record<string, Record<Lang, string>>;

export type FieldMessageCode = keyof typeof fieldMessages;

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
