import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { requestLang } from './lang';
import { errorMessages, type ErrorCode, fieldMessages, type FieldMessageCode, formatMessage } from './messages';
import { issueField, issueMessage, RequestValidationError } from './validation';

type Detail = { field: string; message: string };

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  params: Record<string, unknown> = {},
  details?: Detail[],
  messageCode: ErrorCode = code,
) {
  const lang = req.lang ?? requestLang(req);
  const message = formatMessage(errorMessages[messageCode][lang], params);
  return reply.status(status).send({ error: { code, message, ...(details ? { details } : {}) }, requestId: req.id });
}

/** Postgres errors that a client's input can cause map to 4xx; anything else is ours (500). */
const pgClientErrors: Record<string, [number, ErrorCode]> = {
  '23505': [409, 'CONFLICT'],
  '23503': [409, 'CONFLICT'],
  '22P02': [400, 'VALIDATION_FAILED'],
  '22001': [400, 'VALIDATION_FAILED'],
  '22003': [400, 'VALIDATION_FAILED'],
  // Date/time values PostgreSQL cannot hold, and NUL characters, which no text column accepts.
  '22007': [400, 'VALIDATION_FAILED'],
  '22008': [400, 'VALIDATION_FAILED'],
  '22009': [400, 'VALIDATION_FAILED'],
  '22021': [400, 'VALIDATION_FAILED'],
  '22P05': [400, 'VALIDATION_FAILED'],
  '40001': [409, 'CONFLICT'],
};

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.code === 'string' ? e.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The 4xx a database refusal of the client's input maps to, or undefined when it is ours. */
export function clientErrorOf(err: unknown): [number, ErrorCode] | undefined {
  return pgClientErrors[pgCode(err) ?? ''];
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = req.lang ?? requestLang(req);
    if (err instanceof RequestValidationError) {
      const details = err.issues.map((issue) => ({ field: issueField(issue), message: issueMessage(issue, lang) }));
      return sendError(req, reply, 400, 'VALIDATION_FAILED', {}, details);
    }
    if (err instanceof AppError) {
      const details = err.details?.map((d) => ({
        field: d.field,
        message: d.code in fieldMessages
          ? fieldMessages[d.code as FieldMessageCode][lang]
          : formatMessage(errorMessages[d.code as ErrorCode][lang], err.params),
      }));
      return sendError(req, reply, err.status, err.code, err.params, details, err.messageCode);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(req, reply, 400, 'INVALID_JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(req, reply, 413, 'BODY_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(req, reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    if (err.statusCode === 429) return sendError(req, reply, 429, 'RATE_LIMITED');
    const mapped = clientErrorOf(err);
    if (mapped) {
      req.log.warn({ err }, 'database refused client input');
      return sendError(req, reply, mapped[0], mapped[1]);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.warn({ err }, 'client error');
      return sendError(req, reply, err.statusCode, err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 500, 'INTERNAL');
  });
}
