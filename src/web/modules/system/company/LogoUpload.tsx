import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useCompanyMutations } from './api';
import { LOGO_TYPES, logoProblem, readAsDataUrl } from './logoFile';

/** The logo: read in the browser, checked (PNG/JPEG ≤ 256 KB), sent as a data URL. */
export default function LogoUpload({ logoUrl }: { logoUrl: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { uploadLogo, removeLogo } = useCompanyMutations();
  const onError = (err: unknown) => void message.error(errorMessage(err));

  const beforeUpload = (file: File) => {
    const problem = logoProblem(file);
    if (problem) {
      void message.error(t(`company.logoInvalid.${problem}`));
      return Upload.LIST_IGNORE;
    }
    readAsDataUrl(file).then(
      (dataUrl) => uploadLogo.mutate(dataUrl, { onSuccess: () => void message.success(t('company.logoSaved')), onError }),
      onError,
    );
    return false;
  };

  return (
    <Space orientation="vertical" size={8}>
      {logoUrl ? (
        <Image src={logoUrl} alt={t('company.logo')} height={64} style={{ objectFit: 'contain', maxWidth: 240 }} />
      ) : (
        <Typography.Text type="secondary">{t('company.noLogo')}</Typography.Text>
      )}
      <Space wrap>
        <Upload accept={LOGO_TYPES.join(',')} beforeUpload={beforeUpload} showUploadList={false} maxCount={1}>
          <Button icon={<UploadOutlined />} loading={uploadLogo.isPending}>
            {logoUrl ? t('company.replaceLogo') : t('company.uploadLogo')}
          </Button>
        </Upload>
        {logoUrl && (
          <Popconfirm
            title={t('company.removeLogoConfirm')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => removeLogo.mutateAsync().then(() => undefined, onError)}
          >
            <Button danger icon={<DeleteOutlined />} loading={removeLogo.isPending}>
              {t('company.removeLogo')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Typography.Text type="secondary">{t('company.logoHint')}</Typography.Text>
    </Space>
  );
}
