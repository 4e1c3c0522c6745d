import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Customers and contacts: lists, detail, create, update, delete, duplicates, hot, bulk. */
export const customerRoutes: FastifyPluginAsyncZod = async () => {};
