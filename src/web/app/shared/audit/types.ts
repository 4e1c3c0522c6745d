export const auditActions = ['create', 'update', 'delete', 'state', 'login', 'login_failed', 'logout', 'password'] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  action: AuditAction;
  entityType: string;
  entityId: number | string | null;
  summary: string | null;
  changes: AuditChange[] | null;
}
