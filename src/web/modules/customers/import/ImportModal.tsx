import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Radio, Result, Space, Steps, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useMe, usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { IMPORT_MAX_BYTES } from '../../../../common/customers';
import { CUSTOMERS_KEY } from '../api/customers';
import UserPicker from '../shared/UserPicker';
import { commitImport, download, type ImportKind, type ImportPreview, type ImportResult, type ImportRow, previewImport, saveBase64Xlsx } from './api';

const contactFields = new Set(['contactName', 'contactTitle', 'contactMobile', 'contactEmail']);
/** A contact import's fields → their labels under customer.contact. */
const contactLabelKeys: Record<string, string> = { title: 'jobTitle' };

/**
 * 导入客户: 下载模板 → 上传 (.xlsx) → 预览 (per-row errors in red, counts) → 导入到负责人 / 客户池 →
 * the result with the error report of the rows that failed.
 */
export default function ImportModal({ open, onClose, initialKind = 'company' }: { open: boolean; onClose: () => void; initialKind?: ImportKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const me = useMe();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [target, setTarget] = useState<'owner' | 'pool'>('owner');
  const [ownerId, setOwnerId] = useState<number | undefined>();
  const mayPool = can('customer.pool') || can('customer.assign');
  const mayChooseOwner = can('customer.transfer');
  const step = result ? 2 : preview ? 1 : 0;

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setOnlyErrors(false);
    setTarget('owner');
    setOwnerId(undefined);
  };
  const close = () => {
    reset();
    onClose();
  };

  const fieldLabel = (field: string) => {
    if (kind === 'contact') return field === 'customerName' ? t('customer.field.name') : t(`customer.contact.${contactLabelKeys[field] ?? field}`, { defaultValue: field });
    return contactFields.has(field) ? t(`customer.importExport.field.${field}`) : t(`customer.field.${field === 'name' && kind === 'person' ? 'personName' : field}`, { defaultValue: field });
  };
  // A contact row names its customer; both show where a customer row shows its name.
  const rowName = (r: ImportRow) => (kind === 'contact' ? [r.values.customerName, r.values.name].map((v) => v ?? '—').join(' · ') : (r.values.name ?? '—'));
  const nameTitle = kind === 'contact' ? `${t('customer.field.name')} · ${t('customer.contact.name')}` : fieldLabel('name');

  const run = async <T,>(work: () => Promise<T>, done: (value: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      done(await work());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = (f: File) => {
    if (!f.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('customer.importExport.onlyXlsx'));
      return Upload.LIST_IGNORE;
    }
    // Refused here rather than after sending megabytes the server will not read.
    if (f.size > IMPORT_MAX_BYTES) {
      message.error(t('customer.importExport.tooLarge', { limitMb: IMPORT_MAX_BYTES / 1024 / 1024 }));
      return Upload.LIST_IGNORE;
    }
    setFile(f);
    void run(() => previewImport(f, kind), setPreview);
    return false;
  };

  const submit = () => {
    if (!file) return;
    void run(
      () =>
        commitImport(file, kind, kind === 'contact' ? { target: 'owner' } : target === 'pool' ? { target: 'pool' } : { target: 'owner', ownerId: ownerId ?? me.id }),
      (r) => {
        setResult(r);
        void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      },
    );
  };

  const rows = useMemo(() => (preview ? (onlyErrors ? preview.rows.filter((r) => r.errors.length) : preview.rows) : []), [preview, onlyErrors]);

  const errorList = (r: ImportRow) =>
    r.errors.length ? (
      <Space direction="vertical" size={0}>
        {r.errors.map((e, i) => (
          <Typography.Text key={i} type="danger">
            {t('common.labelValue', { label: fieldLabel(e.field), value: e.message })}
          </Typography.Text>
        ))}
      </Space>
    ) : (
      <Tag color="success">{t('customer.importExport.ok')}</Tag>
    );

  return (
    <Modal
      open={open}
      title={t(kind === 'contact' ? 'customer.importExport.importContactsTitle' : 'customer.importExport.importTitle')}
      width={900}
      onCancel={close}
      destroyOnHidden
      footer={
        step === 1 ? (
          <Space>
            <Button onClick={reset}>{t('customer.importExport.reupload')}</Button>
            <Button type="primary" loading={busy} disabled={!preview?.valid} onClick={submit}>
              {t('customer.importExport.importValid', { count: preview?.valid ?? 0 })}
            </Button>
          </Space>
        ) : (
          <Button onClick={close}>{t('common.close')}</Button>
        )
      }
    >
      <Steps
        size="small"
        current={step}
        // On a phone the three steps stay in one row (titles under the numbers) instead of a tall column.
        responsive={false}
        titlePlacement={isMobile ? 'vertical' : 'horizontal'}
        style={{ marginBottom: 16 }}
        items={[{ title: t('customer.importExport.stepUpload') }, { title: t('customer.importExport.stepPreview') }, { title: t('customer.importExport.stepResult') }]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {step === 0 && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} optionType="button">
              <Radio.Button value="company">{t('customer.kind.company')}</Radio.Button>
              <Radio.Button value="person">{t('customer.kind.person')}</Radio.Button>
              <Radio.Button value="contact">{t('customer.importExport.kindContact')}</Radio.Button>
            </Radio.Group>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download('/customers/import/template', { kind }, 'template.xlsx').catch((err: unknown) => message.error(errorMessage(err)))}
            >
              {t('customer.importExport.downloadTemplate')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t(kind === 'contact' ? 'customer.importExport.contactTemplateHint' : 'customer.importExport.templateHint')}</Typography.Text>
          <Upload.Dragger accept=".xlsx" multiple={false} showUploadList={false} beforeUpload={choose} disabled={busy}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? t('customer.importExport.checking') : t('customer.importExport.dropHere')}</p>
            <p className="ant-upload-hint">{t('customer.importExport.uploadHint')}</p>
          </Upload.Dragger>
        </Space>
      )}
      {step === 1 && preview && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag>{t('customer.importExport.total', { count: preview.total })}</Tag>
            <Tag color="success">{t('customer.importExport.valid', { count: preview.valid })}</Tag>
            <Tag color={preview.invalid ? 'error' : undefined}>{t('customer.importExport.invalid', { count: preview.invalid })}</Tag>
            <label className="import-only-errors">
              <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} /> {t('customer.importExport.onlyErrors')}
            </label>
            {preview.errorReport && (
              // Sent only when no row can be imported: such a file never reaches 导入 and its report.
              <Button size="small" icon={<DownloadOutlined />} onClick={() => saveBase64Xlsx(preview.errorReport!, t('customer.importExport.reportName'))}>
                {t('customer.importExport.downloadReport')}
              </Button>
            )}
          </Space>
          <Table<ImportRow>
            size="small"
            rowKey="row"
            dataSource={rows}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            tableLayout="fixed"
            rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
            columns={
              isMobile
                ? // On a phone the reasons sit under the name, in view, not in a column off to the right.
                  [
                    { title: t('customer.importExport.row'), dataIndex: 'row', width: 48 },
                    {
                      title: `${nameTitle} / ${t('customer.importExport.result')}`,
                      key: 'nameAndErrors',
                      render: (_, r) => (
                        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                          <Typography.Text ellipsis={{ tooltip: rowName(r) }}>{rowName(r)}</Typography.Text>
                          {errorList(r)}
                        </Space>
                      ),
                    },
                  ]
                : [
                    { title: t('customer.importExport.row'), dataIndex: 'row', width: 64 },
                    // A 300-character name stays on one line, whole in its tooltip.
                    { title: nameTitle, key: 'name', width: 200, ellipsis: { showTitle: true }, render: (_, r) => rowName(r) },
                    { title: t('customer.field.phone'), key: 'phone', width: 130, render: (_, r) => r.values.mobile ?? r.values.phone ?? r.values.contactMobile ?? '—' },
                    // Wraps within the dialog: a long reason was cut off at its right edge.
                    { title: t('customer.importExport.result'), key: 'errors', width: 420, render: (_, r) => errorList(r) },
                  ]
            }
          />
          {kind === 'contact' ? (
            <Typography.Text type="secondary">{t('customer.importExport.contactTargetHint')}</Typography.Text>
          ) : (
            <Form layout="vertical">
              <Form.Item label={t('customer.importExport.target')}>
                <Radio.Group value={target} onChange={(e) => setTarget(e.target.value as 'owner' | 'pool')}>
                  <Radio value="owner">{t('customer.importExport.toOwner')}</Radio>
                  {mayPool && <Radio value="pool">{t('customer.importExport.toPool')}</Radio>}
                </Radio.Group>
              </Form.Item>
              {target === 'owner' && mayChooseOwner && (
                <Form.Item label={t('customer.importExport.owner')} htmlFor="import-owner" extra={t('customer.importExport.ownerHint')}>
                  <UserPicker id="import-owner" within="customer" value={ownerId} onChange={(v: number | undefined) => setOwnerId(v)} allowClear style={{ maxWidth: 320 }} />
                </Form.Item>
              )}
            </Form>
          )}
        </Space>
      )}
      {step === 2 && result && (
        <Result
          status={result.failed ? 'warning' : 'success'}
          title={t(kind === 'contact' ? 'customer.importExport.doneContacts' : 'customer.importExport.done', { imported: result.imported, failed: result.failed })}
          extra={
            result.errorReport && (
              <Button icon={<DownloadOutlined />} onClick={() => saveBase64Xlsx(result.errorReport!, t('customer.importExport.reportName'))}>
                {t('customer.importExport.downloadReport')}
              </Button>
            )
          }
        />
      )}
    </Modal>
  );
}
