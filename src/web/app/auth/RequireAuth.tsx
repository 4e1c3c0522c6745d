import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError, errorMessage } from '../api';
import { loginPathFor } from './redirect';
import { useSession } from './session';

/** Renders the shell only with a session; otherwise sends the user to /login and back. */
export default function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.data) return <>{children}</>;
  if (session.error instanceof ApiError && session.error.status === 401) {
    return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  }
  if (session.error) {
    return (
      <Result
        status="warning"
        title={t('errors.sessionFailed')}
        subTitle={errorMessage(session.error)}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <Spin fullscreen description={t('app.loading')} />;
}
