import { z } from 'zod';

/**
 * Field rules shared by the server's route schemas and the web's forms. Refinement messages are
 * field-message codes (see server/platform/http/messages.ts) translated when the error is answered.
 */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'BLANK').max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'USERNAME_INVALID');

export const password = z
  .string()
  .max(128)
  .refine((v) => v.length >= 8 && /[A-Za-z]/.test(v) && /\d/.test(v), 'PASSWORD_WEAK');

/** Mainland mobile (11 digits starting with 1), optionally +86; also accepts landlines with dashes. */
export const mobile = z
  .string()
  .trim()
  .max(20)
  .refine((v) => v === '' || /^(\+?86[- ]?)?1[3-9]\d{9}$/.test(v), 'MOBILE_INVALID')
  .nullish()
  .transform((v) => (v ? v : null));

export const email = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'EMAIL_INVALID')
  .nullish()
  .transform((v) => (v ? v : null));

export const entityId = z.number().int().min(1).max(2147483647);
