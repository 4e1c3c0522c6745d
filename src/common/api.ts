import { z } from 'zod';

/** One error shape for every failing request. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The list convention: 1-based page, bounded page size, whitelisted sort field, asc/desc. */
export const listQueryBase = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  order: z.enum(['asc', 'desc']).default('desc'),
};

export function listResponse<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Exact when `totalExact`; otherwise a lower bound ("10,000+"). */
    total: z.number().int(),
    totalExact: z.boolean(),
  });
}

export const idParam = z.object({ id: z.coerce.number().int().min(1).max(2147483647) });

export { CSRF_COOKIE, CSRF_HEADER, LANG_COOKIE, SESSION_COOKIE } from './http-names';

/**
 * The name stored as the actor of work no user started (jobs, automatic returns): Chinese, the
 * company's language, like every stored name; the web shows it in the reader's language.
 */
export const SYSTEM_ACTOR_NAME = '系统';
