import type { i18n as I18n } from 'i18next';

/**
 * A field label as it reads inside an English sentence: "Please enter customer name", not
 * "Customer name". Only a plain capitalised first word is lowered; names and acronyms (WeChat,
 * URL, SMTP host) stay as they are. Chinese has no case and passes through.
 */
export function labelInSentence(label: string): string {
  return label.replace(/^([A-Z])([a-z]+)(?=\s|$)/, (_, first: string, rest: string) => first.toLowerCase() + rest);
}

/** Formats the messages may name: `{{field, inSentence}}`. */
export function addFormatters(i18n: I18n): void {
  i18n.services.formatter?.add('inSentence', (value) => (typeof value === 'string' ? labelInSentence(value) : value));
}
