import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale } from 'antd/es/locale';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from './index';

const antdLocales: Record<Language, Locale> = { 'zh-CN': zhCN, 'en-US': enUS };
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

/** Ant Design's locale for the UI language; also switches dayjs so dates read the same way. */
export function applyLocale(lang: Language): Locale {
  dayjs.locale(dayjsLocales[lang]);
  return antdLocales[lang];
}
