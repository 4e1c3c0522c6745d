export const auditActions = ['create', 'update', 'delete', 'state', 'login', 'login_failed', 'logout', 'password'] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
  /** Names the server gives ids of people and departments (ownerId 7 → 张伟). */
  fromName?: string;
  toName?: string;
  /** Who a per-member field (`team.4`) is about. */
  subjectName?: string;
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
  /** The summary as an i18n key and its values (older entries have none: `summary` is shown). */
  summaryKey: string | null;
  summaryParams: Record<string, string | number | null> | null;
  changes: AuditChange[] | null;
}
