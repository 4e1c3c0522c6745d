import { usePermissions } from '../auth/session';
import type { AreaRoute } from '../registry/types';
import ForbiddenPage from './ForbiddenPage';

/** One registered page: 403 when the user lacks its permission, else the lazily loaded page. */
export default function RoutePage({ route }: { route: AreaRoute }) {
  const { can } = usePermissions();
  if (!can(route.permission)) return <ForbiddenPage />;
  const Page = route.component;
  return <Page />;
}
