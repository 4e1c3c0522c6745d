// Every table of the product, for drizzle-kit and typed queries. Each area owns its schema file.
export * from '../platform/org/schema';
export * from '../platform/auth/schema';
export * from '../platform/audit/schema';
export * from '../platform/settings/schema';
export * from '../platform/dictionaries/schema';
export * from '../platform/jobs/schema';
export * from '../platform/messaging/schema';
export * from '../modules/customers/schema';
export * from '../modules/customers/automation/schema';
