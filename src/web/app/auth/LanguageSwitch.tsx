import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage, type Language } from '../i18n';

/** 中文 / English toggle for pages without the user menu (login). */
export default function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      value={currentLanguage()}
      options={languages.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      onChange={(lang) => void setLanguage(lang)}
      aria-label={t('layout.language')}
    />
  );
}
