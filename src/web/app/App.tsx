import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { currentLanguage, type Language } from './i18n';
import { applyLocale } from './i18n/locale';
import { queryClient } from './queryClient';
import { router } from './router';

export default function App({ initialLanguage }: { initialLanguage: Language }) {
  const { i18n } = useTranslation();
  const lang = i18n.language ? currentLanguage() : initialLanguage;
  const locale = useMemo(() => applyLocale(lang), [lang]);
  useEffect(() => {
    document.title = i18n.t('app.name');
  }, [i18n, lang]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#1677ff' } }}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
