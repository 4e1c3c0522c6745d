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
  const localized = locales[lang](issue as never);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
}

export function issueField(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.') || '_';
}
