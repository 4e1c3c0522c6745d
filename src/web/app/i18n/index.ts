import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANG_COOKIE } from '../../../common/http-names';
import { readCookie, writeCookie } from '../shared/cookies';
import { addFormatters } from './formatters';
import zhCN from './zh-CN';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  let stored: string | null | undefined;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  stored ??= readCookie(LANG_COOKIE);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/** English is fetched only when someone picks it, so the Chinese default stays small. */
async function loadResources(lang: Language): Promise<void> {
  if (lang === 'en-US' && !i18n.hasResourceBundle('en-US', 'translation')) {
    const { default: enUS } = await import('./en-US');
    i18n.addResourceBundle('en-US', 'translation', enUS);
  }
}

function persist(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the cookie still carries the choice
  }
  writeCookie(LANG_COOKIE, lang);
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<Language> {
  const lang = readStoredLanguage();
  await i18n.use(initReactI18next).init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...languages],
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  addFormatters(i18n);
  await loadResources(lang);
  await i18n.changeLanguage(lang);
  persist(lang);
  return lang;
}

export async function setLanguage(lang: Language): Promise<void> {
  await loadResources(lang);
  await i18n.changeLanguage(lang);
  persist(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export default i18n;
