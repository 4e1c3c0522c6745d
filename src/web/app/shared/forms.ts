import { App, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, useCallback } from 'react';
import { ApiError, errorMessage, type FieldError } from '../api';

/** The form field a server detail refers to: exact name, or its first path segment ("roleIds.0"). */
export function matchField(field: string, names: Set<string>): string | undefined {
  if (names.has(field)) return field;
  const first = field.replace(/^body[./]/, '').split(/[.[/]/)[0];
  return names.has(first) ? first : undefined;
}

/** Splits server details into per-field errors the form knows, and the rest. */
export function splitDetails(details: FieldError[], names: Set<string>) {
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const detail of details) {
    const name = matchField(detail.field, names);
    if (!name) unmatched.push(detail.message);
    else byField.set(name, [...(byField.get(name) ?? []), detail.message]);
  }
  return { byField, unmatched };
}

/**
 * Returns a handler that shows a failed save on the form: server `details` become field
 * errors where the name matches; anything else becomes a toast with the server's message.
 */
export function useServerErrors(form: FormInstance) {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError) || err.details.length === 0) {
        void message.error(errorMessage(err));
        return;
      }
      const names = new Set(Object.keys(form.getFieldsValue() as object));
      const { byField, unmatched } = splitDetails(err.details, names);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      const first = byField.keys().next();
      if (!first.done) form.scrollToField(first.value);
      if (unmatched.length > 0 || byField.size === 0) {
        void message.error(unmatched.length > 0 ? unmatched.join('；') : err.message);
      }
    },
    [form, message],
  );
}

/**
 * A whole number from `min` to `max`, said in words when it is not. For an InputNumber without its
 * own min/max or precision, which replace a value on blur without a word: a daily claim limit typed
 * as -5 became 0, which means 不限, and 3.7 became 4.
 */
export function wholeNumberRule(t: TFunction, min: number, max: number): Rule {
  return { type: 'integer', min, max, message: t('validation.wholeNumber', { min, max }) };
}

/**
 * A date picker's onKeyDown inside a form: Enter confirms the typed date (the picker has taken it by
 * then) and goes no further, instead of also submitting the whole form half filled in.
 */
export function enterConfirmsDateOnly(event: KeyboardEvent<HTMLElement>) {
  if (event.key === 'Enter') event.preventDefault();
}
