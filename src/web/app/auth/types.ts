/** The logged-in user, as GET /api/v1/auth/me returns it. */
export interface Me {
  id: number;
  username: string;
  name: string;
  mobile: string | null;
  email: string | null;
  departmentId: number;
  departmentName: string;
  roles: { id: number; name: string }[];
  permissions: string[];
  mustChangePassword: boolean;
  /** Someone reports to this user (下属负责的 has customers to show). */
  hasSubordinates: boolean;
}

export interface Company {
  name: string;
  shortName: string;
  address: string;
  phone: string;
  logoUrl: string | null;
  timeZone: string;
  currency: string;
}

/** Response of login and of GET /auth/me. */
export interface Session {
  user: Me;
  csrfToken: string;
  company: Company;
}
