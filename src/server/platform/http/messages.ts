import type { Bilingual } from './lang';

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
  BAD_URL: { zh: '请求地址无效', en: 'The request address is not valid' },
  URL_TOO_LONG: { zh: '请求地址过长', en: 'The request address is too long' },
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
  // Dictionaries
  DICTIONARY_IN_USE: {
    zh: '该选项正被 {count} 条记录使用，不能删除（可以停用）',
    en: 'This option is used by {count} records; it cannot be deleted (disable it instead)',
  },
  DICTIONARY_CODE_TAKEN: { zh: '编码“{code}”已存在', en: 'The code "{code}" is already taken' },
  DICTIONARY_LABEL_TAKEN: { zh: '“{label}”已是本字典中另一个选项的名称或编码', en: '"{label}" already names another option of this list' },
  DICTIONARY_VALUE_UNKNOWN: { zh: '{field} 的取值不在可选项中', en: '{field} is not one of the available options' },
  // Customers and contacts
  CUSTOMER_DUPLICATE: {
    zh: '已存在相同的客户（负责人：{ownerName}）',
    en: 'The same customer already exists (owner: {ownerName})',
  },
  CUSTOMER_DUPLICATE_NAME: {
    zh: '已存在同名客户（负责人：{ownerName}）',
    en: 'A customer with this name already exists (owner: {ownerName})',
  },
  CUSTOMER_DUPLICATE_NAME_POOL: { zh: '客户池中已有同名客户', en: 'A customer with this name is already in the pool' },
  CUSTOMER_DUPLICATE_PHONE: {
    zh: '该号码已登记在其他客户名下（负责人：{ownerName}）',
    en: 'This number is already recorded for another customer (owner: {ownerName})',
  },
  CUSTOMER_DUPLICATE_PHONE_POOL: { zh: '该号码已登记在客户池中的客户名下', en: 'This number is already recorded for a customer in the pool' },
  CUSTOMER_CONTACT_REQUIRED: { zh: '个人客户须填写手机或电话', en: 'An individual customer needs a mobile or phone number' },
  CUSTOMER_HAS_DOCUMENTS: {
    zh: '该客户还有 {documents} 张单据，不能删除',
    en: 'The customer still has {documents} documents; it cannot be deleted',
  },
  CUSTOMER_OWNER_INVALID: { zh: '负责人必须是数据权限范围内的启用用户', en: 'The owner must be an active user within your data scope' },
  BULK_FIELD_REQUIRED: { zh: '此批量操作须填写{field}', en: 'This bulk action needs {field}' },
  CONTACT_PRIMARY_REQUIRED: {
    zh: '每个客户须有一位主联系人；请把另一位联系人设为主联系人',
    en: 'Each customer needs a primary contact; make another contact primary instead',
  },
  // Saved list views (platform/scenes)
  SCENE_LIMIT: { zh: '每个列表最多保存 {limit} 个场景，请先删除不用的场景', en: 'At most {limit} saved views per list; delete one you no longer use first' },
  SCENE_NAME_TAKEN: { zh: '已有名为“{name}”的场景', en: 'You already have a view named "{name}"' },
  // Customer pool, transfer, team, follow-up
  POOL_ALREADY_CLAIMED: { zh: '该客户已被 {ownerName} 领取', en: 'This customer has already been claimed by {ownerName}' },
  POOL_DAILY_LIMIT: {
    zh: '今天的领取次数已达上限（每天 {limit} 个），请明天再领取',
    en: 'You have reached today\'s claim limit ({limit} a day); claim again tomorrow',
  },
  POOL_RECLAIM_BLOCKED: {
    zh: '该客户原由您负责，放入公海后 {days} 天内不能重新领取（{until} 之后可以）',
    en: 'This customer was yours: you cannot claim it back for {days} days after it went to the pool (from {until})',
  },
  OWNED_LIMIT: {
    zh: '{name} 负责的客户已达上限（{limit} 个）',
    en: '{name} already owns the maximum number of customers ({limit})',
  },
  OWNED_LIMIT_IMPORT: {
    zh: '{name} 负责的客户上限为 {limit} 个，现有 {owned} 个，最多还能导入 {room} 个，本次有 {count} 行：未导入任何客户，请减少行数或改为导入到其他负责人或公海',
    en: '{name} may own at most {limit} customers and owns {owned}, so {room} more fit but the file has {count} valid rows: nothing was imported; import fewer rows, or to another owner or the pool',
  },
  CUSTOMER_READ_ONLY: { zh: '该客户只共享给您查看，不能修改', en: 'This customer is shared with you read-only; it cannot be changed' },
  CUSTOMER_OWNER_SIDE_ONLY: {
    zh: '只有负责人及其上级可以执行此操作',
    en: "Only the customer's owner and the owner's managers can do this",
  },
  CUSTOMER_IN_POOL: { zh: '该客户在客户池中，请先领取或分配', en: 'This customer is in the pool; claim or assign it first' },
  RELEASE_REASON_REQUIRED: { zh: '请填写放入公海的原因', en: 'Give a reason for releasing the customer to the pool' },
  USER_DISABLED: { zh: '用户“{userName}”已停用，不能接收客户', en: 'The user "{userName}" is disabled and cannot receive customers' },
  SAME_OWNER: { zh: '该客户已经由 {userName} 负责', en: '{userName} already owns this customer' },
  ASSIGN_OUT_OF_SCOPE: {
    zh: '只能分配给自己数据权限范围内的用户',
    en: 'You can only assign customers to users within your data scope',
  },
  SHARE_WITH_OWNER: { zh: '{userName} 是该客户的负责人，无需共享', en: '{userName} owns this customer; no need to share it' },
  ACTIVITY_IN_FUTURE: { zh: '发生时间不能晚于明天', en: 'The time cannot be later than tomorrow' },
  NEXT_CONTACT_BEFORE_OCCURRED: { zh: '下次联系时间不能早于本次发生时间', en: 'The next contact cannot be before this activity' },
  // Messaging (mail and SMS)
  EMAIL_NOT_CONFIGURED: { zh: '尚未配置邮件服务器（系统设置 → 邮件与短信）', en: 'No mail server is configured (Settings → Mail & SMS)' },
  EMAIL_SEND_FAILED: { zh: '邮件发送失败：{reason}', en: 'The mail could not be sent: {reason}' },
  SMS_NOT_CONFIGURED: { zh: '尚未配置短信网关（系统设置 → 邮件与短信）', en: 'No SMS gateway is configured (Settings → Mail & SMS)' },
  SMS_SEND_FAILED: { zh: '短信发送失败：{reason}', en: 'The text message could not be sent: {reason}' },
  RECIPIENT_REQUIRED: { zh: '请选择联系人或填写{field}', en: 'Choose a contact or enter the {field}' },
  CONTACT_NO_EMAIL: { zh: '该联系人没有填写邮箱', en: 'This contact has no email address' },
  CONTACT_NO_MOBILE: { zh: '该联系人没有填写手机', en: 'This contact has no mobile number' },
  RETURN_RULE_CRITERIA_REQUIRED: { zh: '请至少设置“未跟进天数”或“未成交天数”之一', en: 'Set the days without follow-up, the days without a deal, or both' },
  RETURN_EXEMPTION_UNKNOWN: { zh: '不支持的回收例外条件', en: 'Unknown exemption for automatic return' },
  REVISIT_RULE_LEVEL_TAKEN: { zh: '级别“{level}”已有回访计划', en: 'Level {level} already has a revisit plan' },
  REVISIT_NOT_OPEN: { zh: '该回访任务已完成或已取消', en: 'This revisit is already done or cancelled' },
  // Customer import / export
  IMPORT_FILE_TOO_LARGE: { zh: '导入文件不能超过 {limitMb} MB', en: 'The import file must not exceed {limitMb} MB' },
  IMPORT_NOT_XLSX: { zh: '请上传 Excel（.xlsx）文件，可先下载导入模板', en: 'Upload an Excel (.xlsx) file; download the import template first' },
  IMPORT_TEMPLATE_MISMATCH: { zh: '表格缺少“{header}”列，请使用导入模板', en: 'The sheet has no "{header}" column; use the import template' },
  IMPORT_TOO_COMPLEX: {
    zh: '文件内容过多（解压后超过 {limitMb} MB 或读取超时），请删去多余的工作表或拆分后再导入',
    en: 'The file holds too much (over {limitMb} MB unpacked, or too slow to read); remove extra sheets or split it',
  },
  IMPORT_BUSY: { zh: '导入的人太多，请稍后再试', en: 'Too many imports are running; try again shortly' },
  IMPORT_TOO_MANY_ROWS: { zh: '一次最多导入 {limit} 行', en: 'At most {limit} rows can be imported at once' },
  IMPORT_NO_ROWS: { zh: '表格中没有可导入的数据行', en: 'The sheet has no data rows to import' },
  IMPORT_DUPLICATE_IN_FILE: { zh: '与第 {row} 行重复', en: 'Duplicates row {row}' },
  IMPORT_VALUE_UNKNOWN: { zh: '“{value}”不在可选项中', en: '"{value}" is not one of the available options' },
  IMPORT_VALUE_AMBIGUOUS: { zh: '“{value}”对应多个选项，请从下拉列表中选择', en: '"{value}" matches several options; pick one from the list' },
  IMPORT_CUSTOMER_NOT_FOUND: { zh: '找不到客户“{name}”，或您无权查看', en: 'No customer "{name}" that you can see' },
  IMPORT_CUSTOMER_READ_ONLY: { zh: '您不能修改客户“{name}”（只读共享或在客户池中）', en: 'You cannot change customer "{name}" (shared read-only, or in the pool)' },
  IMPORT_CUSTOMER_AMBIGUOUS: {
    zh: '有 {count} 个名为“{name}”的客户，无法确定导入到哪一个',
    en: '{count} customers are named "{name}"; it is not clear which one is meant',
  },
  IMPORT_CONTACT_NAME_REQUIRED: { zh: '填写了联系人信息时须填写联系人姓名', en: 'A contact needs a name when other contact details are given' },
  // Customer attachments (附件)
  ATTACHMENT_TOO_LARGE: { zh: '附件不能超过 {limitMb} MB', en: 'An attachment must not exceed {limitMb} MB' },
  ATTACHMENT_REQUIRED: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  ATTACHMENT_EMPTY: { zh: '文件是空的（0 字节），请重新选择', en: 'The file is empty (0 bytes); choose another one' },
  ATTACHMENT_TYPE_BLOCKED: { zh: '不能上传可执行程序或脚本（.{ext}）', en: 'Programs and scripts (.{ext}) cannot be uploaded' },
  DEMO_REFUSED: { zh: '数据库中已有业务数据，不能再导入演示数据', en: 'The database already holds business data' },
} satisfies Record<string, Bilingual>;

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
  COLUMN_UNKNOWN: { zh: '未知的列', en: 'Unknown column' },
  PHONE_INVALID: { zh: '电话号码只能包含数字、空格、括号、加号和横线', en: 'A phone number may contain only digits, spaces, brackets, + and -' },
  CREDIT_CODE_INVALID: { zh: '统一社会信用代码应为 18 位数字或大写字母', en: 'The unified social credit code has 18 digits or capital letters' },
  URL_INVALID: { zh: '须为 http:// 或 https:// 开头的网址', en: 'Must be an http:// or https:// URL' },
  HEADER_NAME_INVALID: { zh: '请求头名称只能包含字母、数字和横线', en: 'Header names may contain only letters, digits and dashes' },
  HEADERS_TOO_MANY: { zh: '请求头最多 20 个', en: 'At most 20 headers' },
  TEXT_CONTROL_CHAR: { zh: '含有不可见的控制字符', en: 'Contains invisible control characters' },
  DATE_OUT_OF_RANGE: { zh: '日期须在 1900 年至 2999 年之间', en: 'The date must lie between the years 1900 and 2999' },
  DATE_INVALID: { zh: '不是有效的日期，请写成 2024-01-31 这样', en: 'Not a valid date; write it like 2024-01-31' },
  BIRTHDAY_IN_FUTURE: { zh: '生日不能晚于今天', en: 'A birthday cannot be after today' },
  CODE_INVALID: { zh: '编码只能包含字母、数字、下划线、横线、加号和点，最多 32 位', en: 'Codes: up to 32 letters, digits, _ - + or .' },
} satisfies Record<string, Bilingual>;

export type FieldMessageCode = keyof typeof fieldMessages;

/** Fields a message names in words (`{field}` of RECIPIENT_REQUIRED, BULK_FIELD_REQUIRED). */
export const fieldNames = {
  recipient: { zh: '收件人', en: 'recipient' },
  mobile: { zh: '手机号', en: 'mobile' },
  toUserId: { zh: '接收人', en: 'a recipient' },
  access: { zh: '共享权限', en: 'an access level' },
  reason: { zh: '放入原因', en: 'a reason' },
} satisfies Record<string, Bilingual>;

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
