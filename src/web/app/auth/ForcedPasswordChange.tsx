import { useNavigate } from 'react-router-dom';
import ChangePasswordModal from './ChangePasswordModal';
import { useLogout, useSession } from './session';

/** After login with `mustChangePassword`, the user changes the password before anything else. */
export default function ForcedPasswordChange() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!session.data?.user.mustChangePassword) return null;
  return (
    <ChangePasswordModal
      open
      forced
      onChanged={() => void session.refetch()}
      onLogout={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
    />
  );
}
