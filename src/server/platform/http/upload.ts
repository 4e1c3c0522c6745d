import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

export interface Upload {
  content: Buffer;
  fileName: string;
  mime: string;
}

/** What a route answers when its upload is missing or unreadable (400), or past its limit (413). */
export interface UploadErrors {
  missing: () => AppError;
  tooLarge: () => AppError;
}

/**
 * The one file of a multipart request (the route's plugin registers @fastify/multipart with its
 * limits), read into memory. Everything the multipart parser raises is about the body the client
 * sent (cut off, no boundary, a part without a file name), so it is the route's 400, never a 500.
 */
export async function readOneFile(req: FastifyRequest, errors: UploadErrors): Promise<Upload> {
  if (!req.isMultipart()) throw errors.missing();
  try {
    const file = await req.file();
    if (!file?.filename) throw errors.missing();
    const content = await file.toBuffer();
    return { content, fileName: file.filename, mime: file.mimetype };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.tooLarge();
    req.log.warn({ err }, 'unreadable upload');
    throw errors.missing();
  }
}

/** A request whose declared length is well past the limit is refused before its body is read. */
export function refuseOversized(req: FastifyRequest, maxBytes: number, tooLarge: () => AppError): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > maxBytes + 64 * 1024) throw tooLarge();
}
