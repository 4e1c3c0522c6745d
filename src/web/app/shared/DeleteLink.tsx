import { Button, type ButtonProps, Popconfirm, type PopconfirmProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 删除 as a small red link that asks first: the confirmation names what goes and answers with a red
 * 删除 / 取消. `button` adds to the link (an icon, an accessible name naming the row).
 */
export default function DeleteLink(props: Pick<PopconfirmProps, 'title' | 'description' | 'onConfirm' | 'styles'> & { button?: ButtonProps }) {
  const { t } = useTranslation();
  const { button, ...confirm } = props;
  return (
    <Popconfirm {...confirm} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}>
      <Button type="link" size="small" danger {...button}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
