import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText, text } from '../../../common/fields';
import { actorOf } from '../http/actor';
import { notFound } from '../http/errors';
import { getCompany, setCompanyLogo, updateCompany } from './company';
import { canReadFile, contentDisposition } from './files';

export const companySchema = z.object({
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  phone: z.string(),
  logoUrl: z.string().nullable(),
  timeZone: z.string(),
  currency: z.string(),
});

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'TIMEZONE_INVALID');

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, files } = app.ctx;

  app.get('/settings/company', { schema: { tags: ['settings'], summary: '公司信息', response: { 200: companySchema } } }, () =>
    getCompany(db),
  );

  // The login page shows the company's name before anyone is logged in.
  app.get(
    '/public/company',
    { config: { public: true }, schema: { tags: ['settings'], response: { 200: z.object({ name: z.string(), shortName: z.string() }) } } },
    async () => {
      const c = await getCompany(db);
      return { name: c.name, shortName: c.shortName };
    },
  );

  app.put(
    '/settings/company',
    {
      config: { permission: 'settings.company.manage' },
      schema: {
        tags: ['settings'],
        summary: '修改公司信息',
        body: z.strictObject({
          name: requiredText(100),
          shortName: requiredText(30),
          address: text(200).default(''),
          phone: text(40).default(''),
          timeZone: timeZone.default('Asia/Shanghai'),
          currency: z.enum(['CNY']).default('CNY'),
        }),
        response: { 200: companySchema },
      },
    },
    (req) => updateCompany(db, actorOf(req), req.body),
  );

  app.post(
    '/settings/company/logo',
    {
      config: { permission: 'settings.company.manage' },
      bodyLimit: 512 * 1024,
      // The size rule (256 KB, LOGO_INVALID) lives in setCompanyLogo; the body limit bounds the string.
      schema: { tags: ['settings'], summary: '上传 Logo', body: z.strictObject({ dataUrl: z.string().max(512 * 1024) }), response: { 200: companySchema } },
    },
    (req) => setCompanyLogo(db, actorOf(req), files, req.body.dataUrl),
  );

  app.delete(
    '/settings/company/logo',
    { config: { permission: 'settings.company.manage' }, schema: { tags: ['settings'], summary: '移除 Logo', response: { 200: companySchema } } },
    (req) => setCompanyLogo(db, actorOf(req), files, null),
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: '下载文件（须能查看文件所属的记录，例如附件所属的客户；公司 Logo 所有登录用户可读）',
        params: z.object({ id: z.string().max(64) }),
        querystring: z.strictObject({ download: z.enum(['0', '1']).optional() }),
      },
    },
    async (req, reply) => {
      // The module that owns the file decides who may read it; out of sight looks like "no such file".
      if (!(await canReadFile(db, actorOf(req), req.params.id))) throw notFound();
      const file = await files.read(db, req.params.id);
      if (!file) throw notFound();
      // Only sniffed images are shown in the page; everything else is handed over as a download.
      const inline = req.query.download !== '1' && (file.meta.mime === 'image/png' || file.meta.mime === 'image/jpeg');
      return reply
        .header('content-type', file.meta.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        // Downloads are re-checked every time (access may have been taken away since).
        .header('cache-control', inline ? 'private, max-age=86400' : 'private, no-store')
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.meta.originalName))
        .send(file.content);
    },
  );
};
