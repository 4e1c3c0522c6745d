import { companyDay, type JobDefinition } from '../../../platform/jobs/runner';
import { fillNameSortKeys } from '../name-sort';
import { applyPoolReturnRules } from './pool-return';
import { createRevisitTasks } from './revisits';

/** The customer area's scheduled work: once per company day, whichever copy of the server claims it first. */
export const customerJobs: JobDefinition[] = [
  { name: 'customers.pool-return', period: companyDay, leaseMinutes: 120, run: (db, now) => applyPoolReturnRules(db, now) },
  { name: 'customers.revisit-tasks', period: companyDay, run: (db, now) => createRevisitTasks(db, now) },
  // Until every row has its pinyin sort key (after migration 0017 on an existing database), then a
  // no-op. Hourly, up to 10 minutes a run: each period leaves a job_runs row, so not every few minutes.
  { name: 'customers.name-sort-keys', everyMinutes: 60, run: (db) => fillNameSortKeys(db) },
];
