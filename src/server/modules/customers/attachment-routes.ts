import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/api';
import { actorOf } from '../../platform/http/actor';
import { readOneFile, refuseOversized } from '../../platform/http/upload';
import { ATTACHMENT_MAX_BYTES, addAttachment, attachmentRequired, attachmentTooLarge, checkCanAttach, deleteAttachment, listAttachments } from './attachments';

const tags = ['customers'];

export const attachmentSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  fileId: z.string(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  /** Download with `?download=1`; served only to users who may see the customer. */
  url: z.string(),
  uploadedBy: z.number().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});

const attachmentParams = z.object({ id: idParam.shape.id, attachmentId: idParam.shape.id });

const uploadErrors = { missing: attachmentRequired, tooLarge: attachmentTooLarge };
const refuseOversizedAttachment = async (req: FastifyRequest) => refuseOversized(req, ATTACHMENT_MAX_BYTES, attachmentTooLarge);

/** 附件 of a customer: list, upload (multipart, one file of at most 20 MB), delete. Downloads go through GET /files/:id. */
export const customerAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.ctx;
  // Only this plugin's routes accept multipart bodies.
  await app.register(multipart, { limits: { files: 1, fileSize: ATTACHMENT_MAX_BYTES, fields: 5, parts: 6, fieldSize: 1024 } });

  app.get(
    '/customers/:id/attachments',
    {
      config: { permission: 'customer.view' },
      schema: { tags, summary: '客户的附件（最新的在前）', params: idParam, response: { 200: z.object({ items: z.array(attachmentSchema) }) } },
    },
    (req) => listAttachments(db, actorOf(req), req.params.id),
  );

  app.post(
    '/customers/:id/attachments',
    {
      config: { permission: 'customer.update' },
      preValidation: refuseOversizedAttachment,
      schema: {
        tags,
        summary: '上传附件（multipart/form-data，字段 file，单个文件不超过 20 MB；负责人一方或可编辑的团队成员）',
        params: idParam,
        response: { 200: attachmentSchema },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw attachmentRequired();
      const actor = actorOf(req);
      // Who may attach is known before the body is read; the transaction checks it again under a lock.
      await checkCanAttach(db, actor, req.params.id);
      return addAttachment(db, actor, files, req.params.id, await readOneFile(req, uploadErrors));
    },
  );

  app.delete(
    '/customers/:id/attachments/:attachmentId',
    { config: { permission: 'customer.update' }, schema: { tags, summary: '删除附件', params: attachmentParams } },
    async (req, reply) => {
      await deleteAttachment(db, actorOf(req), files, req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  );
};
