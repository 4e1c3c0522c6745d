import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { setUnauthorizedHandler } from './api';
import { loginPathFor } from './auth/redirect';
import RequireAuth from './auth/RequireAuth';
import AppLayout from './layout/AppLayout';
import RouteError from './pages/RouteError';
import RoutePage from './pages/RoutePage';
import { queryClient } from './queryClient';
import { routes } from './registry/registry';

const LoginPage = lazy(() => import('./auth/LoginPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spin fullscreen />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <PageSuspense><LoginPage /></PageSuspense> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          ...routes.map((route) => ({ path: route.path, element: <RoutePage route={route} /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** A 401 anywhere but the login call means the session is gone: back to /login, then here. */
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  void router.navigate(loginPathFor(pathname, search), { replace: true }).then(() => queryClient.clear());
});
