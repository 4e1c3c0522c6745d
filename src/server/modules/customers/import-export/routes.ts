import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_MAX_BYTES } from '../../../../common/customers';
import { entityId } from '../../../../common/fields';
import { actorOf } from '../../../platform/http/actor';
import { readOneFile, refuseOversized } from '../../../platform/http/upload';
import { contentDisposition } from '../../../platform/settings/files';
import { customerListFilters } from '../routes';
import { exportColumnKeys, type ExportColumn, importColumns, sheetTexts } from './columns';
import { EXPORT_MAX_IDS, exportCustomers } from './export';
import { commitContactImport, previewContactImport } from './contact-import';
import { commitImport, importChoices, previewImport } from './import';
import { buildTemplate, notXlsx, readUpload, tooLarge, XLSX_MIME } from './workbook';

const tags = ['customers'];
/** 企业客户, 个人客户, or 联系人 of existing customers. */
const kind = z.enum(['company', 'person', 'contact']).default('company');
const templateNames = { company: sheetTexts.companyTemplate, person: sheetTexts.personTemplate, contact: sheetTexts.contactTemplate } as const;
const templateSheets = { company: sheetTexts.customerSheet, person: sheetTexts.customerSheet, contact: sheetTexts.contactSheet } as const;

const rowErrorSchema = z.object({ field: z.string(), message: z.string() });
const previewRowSchema = z.object({
  row: z.number(),
  values: z.record(z.string(), z.string()),
  errors: z.array(rowErrorSchema),
  duplicateOf: z.object({ row: z.number().optional(), ownerName: z.string().nullable().optional(), inPool: z.boolean().optional() }).optional(),
});

/** `columns=name,level,owner`: only whitelisted keys; unknown ones are a 400 naming `columns`. */
const columnList = z
  .string()
  .max(1000)
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
  .pipe(z.array(z.enum(exportColumnKeys as [ExportColumn, ...ExportColumn[]])));

/** `ids=3,5,8` (导出所选): customer ids, at most EXPORT_MAX_IDS; a bad id or too many is a 400 naming `ids`. */
const idList = z
  .string()
  .max(EXPORT_MAX_IDS * 11)
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
  .pipe(z.array(z.coerce.number<string>().pipe(entityId)).max(EXPORT_MAX_IDS));

function sendXlsx(reply: FastifyReply, fileName: string, content: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition('attachment', fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(content);
}

const uploadErrors = { missing: notXlsx, tooLarge };
const refuseOversizedImport = async (req: FastifyRequest) => refuseOversized(req, IMPORT_MAX_BYTES, tooLarge);

/** 导入 / 导出客户 (.xlsx): template, preview, commit, export. */
export const customerImportExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  // Only this plugin's routes accept multipart bodies: one file of at most 10 MB, no other parts.
  await app.register(multipart, { limits: { files: 1, fileSize: IMPORT_MAX_BYTES, fields: 5, parts: 6, fieldSize: 1024 } });

  app.get(
    '/customers/import/template',
    {
      config: { permission: 'customer.import' },
      schema: { tags, summary: '下载客户导入模板（.xlsx，含可选值；英文界面下为英文表头）', querystring: z.strictObject({ kind }) },
    },
    async (req, reply) => {
      const { kind } = req.query;
      const content = await buildTemplate(importColumns[kind], await importChoices(db, kind, req.lang), templateSheets[kind][req.lang], req.lang);
      return sendXlsx(reply, templateNames[kind][req.lang], content);
    },
  );

  app.post(
    '/customers/import/preview',
    {
      config: { permission: 'customer.import' },
      preValidation: refuseOversizedImport,
      schema: {
        tags,
        summary: '预览导入（multipart 文件；逐行校验，不写入）',
        querystring: z.strictObject({ kind }),
        response: {
          200: z.object({
            kind: z.enum(['company', 'person', 'contact']),
            total: z.number(),
            valid: z.number(),
            invalid: z.number(),
            rows: z.array(previewRowSchema),
            errorReport: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const { kind } = req.query;
      const rows = await readUpload((await readOneFile(req, uploadErrors)).content, importColumns[kind], req.lang);
      return kind === 'contact' ? previewContactImport(db, actorOf(req), rows, req.lang) : previewImport(db, kind, rows, req.lang);
    },
  );

  app.post(
    '/customers/import/commit',
    {
      config: { permission: 'customer.import' },
      preValidation: refuseOversizedImport,
      schema: {
        tags,
        summary: '导入客户或联系人（同一文件再次上传；只导入通过校验的行；联系人不用 target / ownerId）',
        querystring: z.strictObject({ kind, target: z.enum(['owner', 'pool']).default('owner'), ownerId: z.coerce.number().pipe(entityId).optional() }),
        response: {
          200: z.object({ imported: z.number(), failed: z.number(), failedRows: z.array(previewRowSchema), errorReport: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      const { kind, target, ownerId } = req.query;
      const rows = await readUpload((await readOneFile(req, uploadErrors)).content, importColumns[kind], req.lang);
      if (kind === 'contact') return commitContactImport(db, actorOf(req), rows, req.lang);
      return commitImport(db, actorOf(req), kind, rows, { target, ownerId }, req.lang);
    },
  );

  app.get(
    '/customers/export.xlsx',
    {
      config: { permission: 'customer.export' },
      schema: {
        tags,
        summary: '导出客户列表（与列表相同的场景、筛选与排序，最多 50,000 行；ids 只导出所选的客户）',
        querystring: z.strictObject({ ...customerListFilters, columns: columnList, ids: idList }),
      },
    },
    async (req, reply) => {
      const { columns, ids, ...query } = req.query;
      const { content, fileName } = await exportCustomers(db, actorOf(req), query, columns, ids, req.lang);
      return sendXlsx(reply, fileName, content);
    },
  );
};
