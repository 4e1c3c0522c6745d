import { DeleteOutlined, DownloadOutlined, FileOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Empty, List, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import DeleteLink from '../../../app/shared/DeleteLink';
import { formatDateTime } from '../../../app/shared/format';
import { ATTACHMENT_MAX_MB, type Attachment, useAttachmentMutations, useAttachments } from '../api/attachments';
import { useCustomerAbilities } from '../shared/access';
import type { Customer } from '../types';

/** 1536 → "1.5 KB"; bytes, KB, MB, GB with at most one decimal. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}

/**
 * 附件 of one customer: everyone who sees the customer lists and downloads them; the owner side and
 * read-write team members upload (drag or click, several at once) and delete (with a confirmation).
 * One column of list items, so long Chinese file names wrap on a phone instead of pushing sideways.
 */
export default function AttachmentsTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCustomerAbilities(customer).edit;
  const attachments = useAttachments(customer.id);
  const { add, remove } = useAttachmentMutations(customer.id);
  const [uploading, setUploading] = useState<string[]>([]);

  const send = async (file: File) => {
    setUploading((names) => [...names, file.name]);
    try {
      await add.mutateAsync(file);
      void message.success(t('customer.attachment.uploaded', { name: file.name }));
    } catch (err) {
      // Several files may fail at once: each message names its file.
      void message.error(t('common.labelValue', { label: `“${file.name}”`, value: errorMessage(err) }));
    } finally {
      setUploading((names) => {
        const i = names.indexOf(file.name);
        return i < 0 ? names : [...names.slice(0, i), ...names.slice(i + 1)];
      });
    }
  };

  const beforeUpload = (file: File) => {
    if (file.size > ATTACHMENT_MAX_MB * 1024 * 1024) {
      void message.error(t('customer.attachment.tooLarge', { name: file.name, limit: ATTACHMENT_MAX_MB }));
    } else {
      void send(file);
    }
    // The request is ours (send above); antd keeps no list of its own.
    return Upload.LIST_IGNORE;
  };

  if (attachments.isLoading) return <Spin />;
  if (attachments.isError) return <Alert type="error" showIcon title={errorMessage(attachments.error)} />;
  const items = attachments.data ?? [];

  return (
    <div className="customer-attachments">
      {canEdit ? (
        <Upload.Dragger multiple showUploadList={false} beforeUpload={beforeUpload} style={{ marginBottom: 16 }} aria-label={t('customer.attachment.drop')}>
          <p className="ant-upload-drag-icon">{uploading.length > 0 ? <Spin /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">
            {uploading.length > 0 ? t('customer.attachment.uploading', { name: uploading.join(t('common.listSeparator')) }) : t('customer.attachment.drop')}
          </p>
          <p className="ant-upload-hint">{t('customer.attachment.hint', { limit: ATTACHMENT_MAX_MB })}</p>
        </Upload.Dragger>
      ) : (
        <Alert type="info" showIcon title={t('customer.attachment.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.attachment.empty')} />
      ) : (
        <List<Attachment>
          size="small"
          header={<Typography.Text type="secondary">{t('customer.attachment.count', { count: items.length })}</Typography.Text>}
          dataSource={items}
          rowKey="id"
          renderItem={(a) => (
            <List.Item
              className="customer-attachment"
              actions={[
                <a key="download" href={`${a.url}?download=1`} download={a.name} aria-label={`${t('customer.attachment.download')} ${a.name}`}>
                  <DownloadOutlined /> {t('customer.attachment.download')}
                </a>,
                ...(canEdit
                  ? [
                      <DeleteLink
                        key="delete"
                        title={t('customer.attachment.deleteConfirm', { name: a.name })}
                        // A long file name wraps inside the screen instead of widening the bubble past it.
                        styles={{ root: { maxWidth: 'min(420px, calc(100vw - 16px))', wordBreak: 'break-all' } }}
                        onConfirm={() =>
                          remove.mutateAsync(a.id).then(
                            () => void message.success(t('customer.attachment.deleted')),
                            (err: unknown) => void message.error(errorMessage(err)),
                          )
                        }
                        button={{ icon: <DeleteOutlined />, 'aria-label': `${t('common.delete')} ${a.name}` }}
                      />,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={<FileOutlined style={{ fontSize: 20, color: '#1677ff' }} />}
                title={
                  // Pictures open in a new tab; anything else is saved.
                  <a
                    className="customer-attachment-name"
                    {...(a.mime === 'image/png' || a.mime === 'image/jpeg'
                      ? { href: a.url, target: '_blank', rel: 'noreferrer' }
                      : { href: `${a.url}?download=1`, download: a.name })}
                  >
                    {a.name}
                  </a>
                }
                description={
                  <span>
                    <span title={t('customer.attachment.size')}>{formatFileSize(a.size)}</span>
                    {' · '}
                    <span title={t('customer.attachment.uploadedBy')}>{a.uploadedByName ?? '—'}</span>
                    {' · '}
                    <span title={t('customer.attachment.uploadedAt')}>{formatDateTime(a.createdAt)}</span>
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
