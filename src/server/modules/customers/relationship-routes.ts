import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Who has the customer: pool (release, claim, assign), transfer, team sharing, and the follow-up timeline. */
export const customerRelationshipRoutes: FastifyPluginAsyncZod = async () => {};
