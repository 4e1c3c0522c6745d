import { z } from 'zod';
import { customerListColumns } from '../../../common/customers';
import type { SceneListDefinition } from '../../platform/scenes/service';
import { customerListFilters } from './routes';

/** The customer list as saved scenes see it: the list's own filters (no paging) and its columns. */
export const customerSceneList: SceneListDefinition = {
  filters: z.strictObject(customerListFilters),
  columns: customerListColumns,
};
