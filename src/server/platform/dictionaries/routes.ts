import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Administrator-edited value lists. */
export const dictionaryRoutes: FastifyPluginAsyncZod = async () => {};
