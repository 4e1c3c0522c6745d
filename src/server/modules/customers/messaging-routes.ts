import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../common/api';
import { customerEmailBody, customerSmsBody } from '../../../common/messaging';
import { actorOf } from '../../platform/http/actor';
import { emailCustomer, smsCustomer } from './messaging';
import { activitySchema } from './relationship-routes';

const tags = ['customers'];

/** 发邮件 / 发短信 from the customer view (customer.update + write access on the customer). */
export const customerMessagingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post(
    '/customers/:id/email',
    {
      config: { permission: 'customer.update' },
      schema: {
        tags,
        summary: '给客户发邮件（联系人 contactId 或地址 to）；成功记入行动历史，失败 502 EMAIL_SEND_FAILED 并记入行动历史',
        params: idParam,
        body: customerEmailBody,
        response: { 200: activitySchema },
      },
    },
    (req) => emailCustomer(db, actorOf(req), req.params.id, req.body, app.ctx.config.messaging),
  );

  app.post(
    '/customers/:id/sms',
    {
      config: { permission: 'customer.update' },
      schema: {
        tags,
        summary: '给客户发短信（联系人 contactId 或手机 mobile）；成功记入行动历史，失败 502 SMS_SEND_FAILED 并记入行动历史',
        params: idParam,
        body: customerSmsBody,
        response: { 200: activitySchema },
      },
    },
    (req) => smsCustomer(db, actorOf(req), req.params.id, req.body, app.ctx.config.messaging),
  );
};
