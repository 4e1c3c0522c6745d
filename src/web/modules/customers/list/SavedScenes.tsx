import { DeleteOutlined, DownOutlined, EditOutlined, SaveOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Form, Input, Modal, Popconfirm, Popover, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../app/api';
import { type SavedScene, type SavedSceneInput, useSavedSceneMutations, useSavedScenes } from '../../../app/shared/savedScenes';

export const CUSTOMER_SCENE_LIST = 'customers';

interface NameForm {
  name: string;
  isDefault?: boolean;
}

/**
 * 保存为场景 and 我的场景: saves the list's current view (scene, search, filters, sort, columns) under a
 * name, and lists the saved ones to apply, make default, rename or delete.
 */
export default function SavedScenes({
  activeId,
  current,
  onApply,
}: {
  activeId?: number;
  /** The view as it stands, to save. */
  current: () => Pick<SavedSceneInput, 'filters' | 'columns'>;
  onApply: (scene: SavedScene) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scenes = useSavedScenes(CUSTOMER_SCENE_LIST);
  const { create, update, remove } = useSavedSceneMutations(CUSTOMER_SCENE_LIST);
  const [open, setOpen] = useState(false);
  /** The modal: saving the current view (no scene) or renaming one. */
  const [editing, setEditing] = useState<{ scene?: SavedScene } | null>(null);
  const [form] = Form.useForm<NameForm>();
  const items = scenes.data ?? [];
  const active = items.find((s) => s.id === activeId);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && (err.code === 'SCENE_NAME_TAKEN' || err.details.some((d) => d.field === 'name'))) {
      form.setFields([{ name: 'name', errors: [err.details.find((d) => d.field === 'name')?.message ?? err.message] }]);
    } else {
      message.error(errorMessage(err));
    }
  };

  const submit = async (values: NameForm) => {
    try {
      if (editing?.scene) {
        await update.mutateAsync({ id: editing.scene.id, name: values.name });
        message.success(t('customer.savedScene.renamed'));
      } else {
        const saved = await create.mutateAsync({ name: values.name, isDefault: !!values.isDefault, ...current() });
        message.success(t('customer.savedScene.saved', { name: saved.name }));
        onApply(saved);
      }
      setEditing(null);
    } catch (err) {
      fail(err);
    }
  };

  const toggleDefault = (s: SavedScene) =>
    update
      .mutateAsync({ id: s.id, isDefault: !s.isDefault })
      .then(() => message.success(t(s.isDefault ? 'customer.savedScene.defaultCleared' : 'customer.savedScene.defaultSet', { name: s.name })))
      .catch((err: unknown) => message.error(errorMessage(err)));

  const list = items.length ? (
    <ul className="saved-scene-list">
      {items.map((s) => (
        <li key={s.id} className={s.id === activeId ? 'saved-scene-active' : undefined}>
          <Button
            type="text"
            className="saved-scene-name"
            onClick={() => {
              onApply(s);
              setOpen(false);
            }}
          >
            <Typography.Text ellipsis>{s.name}</Typography.Text>
          </Button>
          <Tooltip title={t(s.isDefault ? 'customer.savedScene.unsetDefault' : 'customer.savedScene.setDefault')}>
            <Button
              type="text"
              size="small"
              aria-label={t(s.isDefault ? 'customer.savedScene.unsetDefault' : 'customer.savedScene.setDefault')}
              icon={s.isDefault ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
              onClick={() => toggleDefault(s)}
            />
          </Tooltip>
          <Tooltip title={t('customer.savedScene.rename')}>
            <Button
              type="text"
              size="small"
              aria-label={t('customer.savedScene.rename')}
              icon={<EditOutlined />}
              onClick={() => {
                setOpen(false);
                form.setFieldsValue({ name: s.name });
                setEditing({ scene: s });
              }}
            />
          </Tooltip>
          <Popconfirm
            title={t('customer.savedScene.deleteConfirm', { name: s.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove
                .mutateAsync(s.id)
                .then(() => message.success(t('customer.savedScene.deleted')))
                .catch((err: unknown) => message.error(errorMessage(err)))
            }
          >
            <Button type="text" size="small" danger aria-label={t('customer.savedScene.delete')} icon={<DeleteOutlined />} />
          </Popconfirm>
        </li>
      ))}
    </ul>
  ) : (
    <div className="saved-scene-list">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={scenes.isError ? errorMessage(scenes.error) : t('customer.savedScene.empty')} />
    </div>
  );

  return (
    <>
      <Popover trigger="click" placement="bottomLeft" open={open} onOpenChange={setOpen} title={t('customer.savedScene.mine')} content={list}>
        <Button loading={scenes.isLoading} className="saved-scene-trigger">
          <span className="saved-scene-trigger-label">{active ? active.name : t('customer.savedScene.mine')}</span>
          <DownOutlined />
        </Button>
      </Popover>
      <Button
        icon={<SaveOutlined />}
        onClick={() => {
          form.resetFields();
          setEditing({});
        }}
      >
        {t('customer.savedScene.save')}
      </Button>
      <Modal
        open={!!editing}
        title={editing?.scene ? t('customer.savedScene.rename') : t('customer.savedScene.save')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        forceRender
      >
        <Form<NameForm> form={form} name="savedScene" layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t('customer.savedScene.name')}
            rules={[{ required: true, whitespace: true, message: t('customer.savedScene.nameRequired') }]}
          >
            <Input maxLength={30} showCount autoFocus placeholder={t('customer.savedScene.namePlaceholder')} />
          </Form.Item>
          {!editing?.scene && (
            <Form.Item name="isDefault" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('customer.savedScene.makeDefault')}</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
