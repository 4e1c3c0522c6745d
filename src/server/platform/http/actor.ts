import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';
import { AppError } from './errors';

/** The logged-in actor of a request; routes that are not public always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(401, 'UNAUTHENTICATED');
  return req.actor;
}
