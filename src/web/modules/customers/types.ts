import type { bulkActions } from '../../../common/customers';

/** Shapes of the customers API (src/server/modules/customers/CONTRACT.md). */

export type CustomerKind = 'company' | 'person';
export const customerKinds: CustomerKind[] = ['company', 'person'];

export type Gender = 'male' | 'female' | 'unknown';
export const genders: Gender[] = ['male', 'female', 'unknown'];

/** What the caller may do with one customer. */
export type CustomerAccess = 'scope' | 'write_share' | 'read_share' | 'pool';

export interface Customer {
  id: number;
  kind: CustomerKind;
  name: string;
  shortName: string | null;
  industry: string | null;
  scale: string | null;
  source: string | null;
  level: string | null;
  status: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  creditCode: string | null;
  gender: Gender | null;
  mobile: string | null;
  wechat: string | null;
  birthday: string | null;
  remark: string | null;
  ownerId: number | null;
  ownerName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  previousOwnerId: number | null;
  inPool: boolean;
  poolReleasedAt: string | null;
  poolReason: string | null;
  isHot: boolean;
  lastFollowupAt: string | null;
  nextContactAt: string | null;
  primaryContact: { id: number; name: string; mobile: string | null } | null;
  access: CustomerAccess | null;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  /** Who last changed it; null after a system change (automatic return) or for old rows. */
  updatedByName: string | null;
  /** Present in the recycle bin. */
  deletedAt?: string | null;
  deletedByName?: string | null;
}

export const customerScenes = ['mine', 'subordinates', 'shared_to_me', 'shared_by_me', 'hot', 'today', 'overdue', 'all'] as const;
export type CustomerScene = (typeof customerScenes)[number];

export type CustomerSortField = 'updatedAt' | 'createdAt' | 'name' | 'lastFollowupAt' | 'nextContactAt';
export const customerSortFields: CustomerSortField[] = ['updatedAt', 'createdAt', 'name', 'lastFollowupAt', 'nextContactAt'];

export interface Contact {
  id: number;
  customerId: number;
  customerName: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  isDecisionMaker: boolean;
  isPrimary: boolean;
  remark: string | null;
  createdAt: string;
  updatedAt: string;
}

export const activityKinds = ['call_in', 'call_out', 'visit', 'email', 'sms', 'wechat', 'meeting', 'note'] as const;
export type ActivityKind = (typeof activityKinds)[number] | 'system';

export interface Activity {
  id: number;
  customerId: number;
  contactId: number | null;
  contactName: string | null;
  kind: ActivityKind;
  event: string | null;
  params: Record<string, unknown> | null;
  content: string | null;
  occurredAt: string;
  nextContactAt: string | null;
  userId: number | null;
  userName: string | null;
}

export const dictionaryTypes = ['industry', 'scale', 'source', 'level', 'status'] as const;
export type DictionaryType = (typeof dictionaryTypes)[number];

export interface DictionaryItem {
  id: number;
  code: string;
  label: string;
  /** Shown in English mode; null shows `label` there too. */
  labelEn: string | null;
  sort: number;
  enabled: boolean;
}

export type ShareAccess = 'read' | 'write';

export interface TeamMember {
  userId: number;
  name: string;
  access: ShareAccess;
}

export interface Team {
  owner: { userId?: number; id?: number; name: string } | null;
  members: TeamMember[];
}

export interface DuplicateMatch {
  id: number | null;
  name: string;
  matchedOn: 'sameName' | 'name' | 'phone';
  similarity: number;
  ownerName: string | null;
  inPool: boolean;
  visible: boolean;
}

/** The actions POST /customers/bulk takes, as the server's schema lists them. */
export type BulkAction = (typeof bulkActions)[number];

export interface BulkResult {
  done: number;
  failed: { id: number; code: string; message: string }[];
}

export interface CustomerSettings {
  dailyClaimLimit: number;
  reclaimBlockDays: number;
  maxOwnedPerUser: number;
  allowDuplicateName: boolean;
  allowDuplicatePhone: boolean;
}
