import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import type { Lang } from './lang';
import { fieldMessages, type FieldMessageCode } from './messages';

/** Raised by the route validator; the error handler turns it into a translated 400. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('validation failed');
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };

const locales = { zh: zhCN().localeError, en: en().localeError };

/** Custom refinements carry a field-message code (e.g. PASSWORD_WEAK) as their message. */
export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (issue.message in fieldMessages) return fieldMessages[issue.message as FieldMessageCode][lang];
  if (issue.code === 'unrecognized_keys') {
    return lang === 'zh' ? `不允许的字段：${issue.keys.join('、')}` : `Unknown fields: ${issue.keys.join(', ')}`;
  }
  const bound = boundMessage(issue, lang);
  if (bound) return bound;
  const localized = locales[lang](issue as never);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
}

/**
 * A length or size limit in plain words ("不能超过 100 个字"), not the validator's own wording
 * ("数值过大：期望 string <=100 字符"), which users read in forms and import reports.
 */
function boundMessage(issue: z.core.$ZodIssue, lang: Lang): string | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const strict = issue.inclusive === false;
  const zh = lang === 'zh';
  switch (issue.origin) {
    case 'string':
      if (big) return zh ? `不能超过 ${limit} 个字` : `Must be at most ${limit} characters`;
      return zh ? `至少 ${limit} 个字` : `Must be at least ${limit} characters`;
    case 'array':
    case 'set':
      if (big) return zh ? `最多 ${limit} 项` : `At most ${limit} items`;
      return zh ? `至少 ${limit} 项` : `At least ${limit} items`;
    case 'number':
    case 'int':
    case 'bigint':
      if (big) return zh ? (strict ? `必须小于 ${limit}` : `不能大于 ${limit}`) : strict ? `Must be less than ${limit}` : `Must be at most ${limit}`;
      return zh ? (strict ? `必须大于 ${limit}` : `不能小于 ${limit}`) : strict ? `Must be greater than ${limit}` : `Must be at least ${limit}`;
    default:
      return undefined;
  }
}

export function issueField(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.') || '_';
}
