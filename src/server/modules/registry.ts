import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from '../platform/audit/routes';
import type { VisibilityCheck } from '../platform/audit/visibility';
import { companyLogoFile } from '../platform/settings/company';
import type { FileAccessCheck } from '../platform/settings/files';
import type { JobDefinition } from '../platform/jobs/runner';
import { authRoutes } from '../platform/auth/routes';
import { orgRoutes } from '../platform/org/routes';
import { canSeeUser } from '../platform/org/users';
import { settingsRoutes } from '../platform/settings/routes';
import { dictionaryRoutes } from '../platform/dictionaries/routes';
import { messagingRoutes } from '../platform/messaging/routes';
import { sceneRoutes } from '../platform/scenes/routes';
import type { SceneListDefinition, SceneLists } from '../platform/scenes/service';
import { customerRoutes } from './customers/routes';
import { customerImportExportRoutes } from './customers/import-export/routes';
import { customerAutomationRoutes } from './customers/automation/routes';
import { customerJobs } from './customers/automation/jobs';
import { customerRelationshipRoutes } from './customers/relationship-routes';
import { canSeeContact } from './customers/contacts';
import { customerMessagingRoutes } from './customers/messaging-routes';
import { canSeeCustomer } from './customers/service';
import { customerSceneList } from './customers/scene-list';
import { customerAttachmentRoutes } from './customers/attachment-routes';
import { canSeeAttachment, customerAttachmentFile } from './customers/attachments';

/**
 * A business area plugs into the server here: its routes (mounted under /api/v1) and, for each
 * entity type it owns, who may see one record (for record history and later cross-module links).
 * Adding an area is one folder under modules/ and one line in `serverModules`.
 */
export interface ServerModule {
  name: string;
  routes: FastifyPluginAsyncZod;
  recordVisibility?: Record<string, VisibilityCheck>;
  /** Scheduled work, run once per period across all copies (platform/jobs). */
  jobs?: JobDefinition[];
  /** Lists whose views users may save as scenes (platform/scenes), by list key. */
  sceneLists?: Record<string, SceneListDefinition>;
  /**
   * Stored files this area owns, by owner name: who may read one through GET /files/:id. The first
   * check that claims a file decides; a file no area claims is served to no one.
   */
  fileOwners?: Record<string, FileAccessCheck>;
}

const hasPermission = (permission: string): VisibilityCheck => async (_db, actor) => actor.permissions.has(permission);

export const serverModules: ServerModule[] = [
  { name: 'auth', routes: authRoutes },
  {
    name: 'org',
    routes: orgRoutes,
    recordVisibility: {
      user: canSeeUser,
      department: hasPermission('org.department.view'),
      role: hasPermission('role.view'),
    },
  },
  { name: 'audit', routes: auditRoutes },
  {
    name: 'settings',
    routes: settingsRoutes,
    recordVisibility: { company: hasPermission('settings.company.manage') },
    fileOwners: { company_logo: companyLogoFile },
  },
  { name: 'dictionaries', routes: dictionaryRoutes, recordVisibility: { dictionary_item: hasPermission('settings.dictionary.manage') } },
  { name: 'messaging', routes: messagingRoutes, recordVisibility: { messaging_settings: hasPermission('settings.messaging.manage') } },
  {
    name: 'customers',
    routes: customerRoutes,
    recordVisibility: { customer: canSeeCustomer, contact: canSeeContact },
    sceneLists: { customers: customerSceneList },
  },
  { name: 'customer-relationships', routes: customerRelationshipRoutes },
  { name: 'customer-import-export', routes: customerImportExportRoutes },
  {
    name: 'customer-automation',
    routes: customerAutomationRoutes,
    jobs: customerJobs,
    recordVisibility: { pool_return_rule: hasPermission('settings.customer.manage'), revisit_rule: hasPermission('settings.customer.manage') },
  },
  { name: 'customer-messaging', routes: customerMessagingRoutes },
  {
    name: 'customer-attachments',
    routes: customerAttachmentRoutes,
    recordVisibility: { customer_attachment: canSeeAttachment },
    fileOwners: { customer_attachment: customerAttachmentFile },
  },
  // Saved scenes of every list above (read when the routes are registered, after this array exists).
  { name: 'scenes', routes: sceneRoutes(() => sceneListsOf(serverModules)) },
];

function sceneListsOf(modules: ServerModule[]): SceneLists {
  return Object.assign({}, ...modules.map((m) => m.sceneLists ?? {}));
}
