import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { messagingSettingsBody, messagingSettingsSchema, testEmailBody } from '../../../common/messaging';
import { recordAudit } from '../audit/service';
import { actorOf } from '../http/actor';
import { AppError, badRequest } from '../http/errors';
import { sendMail } from './mailer';
import { effectiveMessagingRow, emailConfigured, getMessagingRow, smsConfigured, toMessagingDto, updateMessaging } from './settings';

const tags = ['settings'];

/** 邮件与短信: SMTP and SMS gateway settings (write-only secrets) and a test mail. */
export const messagingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  // Fields set by SMTP_* / SMS_GATEWAY_* win over the stored ones and are read-only here.
  const env = app.ctx.config.messaging;

  app.get(
    '/settings/messaging',
    { config: { permission: 'settings.messaging.manage' }, schema: { tags, summary: '邮件与短信设置（密码与密钥不返回；fromEnvironment：由环境变量设置、不可在此修改的字段）', response: { 200: messagingSettingsSchema } } },
    async () => toMessagingDto(await getMessagingRow(db), env),
  );

  // For everyone who may send: the customer view says at once that sending is not set up, instead
  // of after a whole message has been written.
  app.get(
    '/messaging/availability',
    {
      schema: { tags, summary: '邮件与短信是否已配置（任何登录用户可查看）', response: { 200: z.object({ email: z.boolean(), sms: z.boolean() }) } },
    },
    async () => {
      const row = await effectiveMessagingRow(db, env);
      return { email: emailConfigured(row), sms: smsConfigured(row) };
    },
  );

  app.put(
    '/settings/messaging',
    {
      config: { permission: 'settings.messaging.manage' },
      schema: {
        tags,
        summary: '修改邮件与短信设置（smtpPassword / smsSecret：不传则保留，null 则清除；由环境变量设置的字段忽略）',
        body: messagingSettingsBody,
        response: { 200: messagingSettingsSchema },
      },
    },
    (req) => updateMessaging(db, actorOf(req), req.body, env),
  );

  app.post(
    '/settings/messaging/test-email',
    {
      config: { permission: 'settings.messaging.manage' },
      schema: { tags, summary: '发送测试邮件', body: testEmailBody, response: { 200: z.object({ ok: z.literal(true), response: z.string() }) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await effectiveMessagingRow(db, env);
      if (!emailConfigured(row)) throw badRequest('EMAIL_NOT_CONFIGURED');
      const result = await sendMail(row, {
        to: req.body.to,
        subject: '测试邮件 / Test mail',
        text: `这是一封测试邮件，说明邮件服务器配置可用。\nThis test mail shows the mail server settings work.\n\n— ${actor.name}`,
      });
      await recordAudit(db, actor, {
        action: 'state',
        entityType: 'messaging_settings',
        entityId: 1,
        summary: result.ok ? `测试邮件已发送至 ${req.body.to}` : `测试邮件发送失败（${req.body.to}）：${result.error}`,
        summaryKey: result.ok ? 'auditSummary.testEmailSent' : 'auditSummary.testEmailFailed',
        summaryParams: { to: req.body.to, error: result.ok ? null : result.error },
      });
      if (!result.ok) throw new AppError(502, 'EMAIL_SEND_FAILED', { reason: result.error });
      return { ok: true as const, response: result.response };
    },
  );
};
