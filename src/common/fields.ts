import { z } from 'zod';

/**
 * Field rules shared by the server's route schemas and the web's forms. Refinement messages are
 * field-message codes (see server/platform/http/messages.ts) translated when the error is answered.
 */
// Control characters other than tab and line breaks (C0, DEL and C1): PostgreSQL refuses NUL in
// text, and the others are invisible terminal codes no one types into a form.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Characters that show nothing (spaces, zero-width and other default-ignorable ones, the Hangul
// and braille blanks): a name made only of them looks blank in every list.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\u2800\u3164\uFFA0]/gu;
const noControl = (v: string) => !CONTROL.test(v);
const visible = (v: string) => v.replace(INVISIBLE, '').length > 0;

/** Text as people type it, trimmed; no control characters. */
export const text = (max: number) => z.string().trim().max(max).refine(noControl, 'TEXT_CONTROL_CHAR');
/** Text that must show something: blank or invisible-only is refused. */
export const requiredText = (max: number) => text(max).refine(visible, 'BLANK');
/** Text that may be left out: empty, or only invisible characters, is null. */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v && visible(v) ? v : null));

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'USERNAME_INVALID');

export const password = z
  .string()
  .max(128)
  .refine((v) => v.length >= 8 && /[A-Za-z]/.test(v) && /\d/.test(v), 'PASSWORD_WEAK');

/** A Chinese mobile number as people write it, with spaces or dashes ("138 0013 8000", "+86-138…"). */
export function isMobileNumber(value: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(value.replace(/[\s-]/g, ''));
}

/** Mainland mobile (11 digits starting with 1), optionally +86. */
export const mobile = z
  .string()
  .trim()
  .max(20)
  .refine((v) => v === '' || isMobileNumber(v), 'MOBILE_INVALID')
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

const COUNTRY_PREFIX = /^\(?\s*(?:\+|00)\s*86\s*\)?[\s-]*/;

/**
 * A number in China's national form: a leading +86 or 0086 (as phones and caller ID write it) is
 * dropped and a landline's area code gets its 0 back ("+86 755 2666 0001" → "0755 2666 0001"), so the
 * duplicate rule compares it with the same number written at home. Anything else stays as typed.
 */
export function nationalPhone(value: string): string {
  if (!COUNTRY_PREFIX.test(value.trim())) return value;
  const rest = value.trim().replace(COUNTRY_PREFIX, '');
  const digits = rest.replace(/\D/g, '');
  // A mobile, a number already with its 0, or a nationwide service number (400 / 800 / 95xxx).
  if (isMobileNumber(digits) || digits.startsWith('0') || /^(400|800)\d{7}$|^95\d{3,6}$/.test(digits)) return rest;
  // An area code (10 for Beijing, else 2–3 digits from 2) and a local number (7–8): it gets its 0 back.
  if (/^(10\d{8}|[2-9]\d{8,10})$/.test(digits)) return `0${rest}`;
  // Anything else (a short code, a digit missing) is left exactly as typed.
  return value;
}

/** A landline or any phone as people write it: digits with spaces, brackets, + and dashes; letters refused. */
export const phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v === '' || (/^[0-9+\-() ]+$/.test(v) && /\d{3}/.test(v.replace(/\D/g, ''))), 'PHONE_INVALID')
  .nullish()
  .transform((v) => (v ? nationalPhone(v) : null));

/** 统一社会信用代码: 18 characters of digits and capital letters (I, O, S, V, Z excluded). */
export const creditCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === '' || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v), 'CREDIT_CODE_INVALID')
  .nullish()
  .transform((v) => (v ? v : null));

/** A stable code for a dictionary item or similar (ASCII, short). */
export const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_+.-]{1,32}$/, 'CODE_INVALID');

// A business date's year: PostgreSQL and JavaScript read these alike (a year 50 or 0 is misread as
// 1950 or refused), and nobody's birthday or next call lies outside them.
const plausibleYear = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 2999;
};

/** A calendar day, YYYY-MM-DD, in a plausible year. */
export const isoDay = z.iso.date('DATE_INVALID').refine(plausibleYear, 'DATE_OUT_OF_RANGE');
/** An instant with its offset, in a plausible year (still a string; see isoTime for the Date). */
export const isoInstant = z.iso.datetime({ offset: true }).refine(plausibleYear, 'DATE_OUT_OF_RANGE');

/** An ISO time (with offset) or null. */
export const isoTime = isoInstant.nullish().transform((v) => (v ? new Date(v) : null));
