import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDictionaries, useItemLabel } from '../api/dictionaries';
import type { DictionaryType } from '../types';

type Props = Omit<SelectProps<string>, 'options'> & { type: DictionaryType };

/** A select over one dictionary's enabled items; a disabled item still shows when it is the value. */
export default function DictSelect({ type, value, ...props }: Props) {
  const { t } = useTranslation();
  const { data, isLoading } = useDictionaries();
  const itemLabel = useItemLabel();
  const items = (data?.[type] ?? []).filter((i) => i.enabled || i.code === value);
  return (
    <Select<string>
      allowClear
      value={value}
      loading={isLoading}
      placeholder={t(`customer.dictionary.type.${type}`)}
      options={items.map((i) => ({ value: i.code, label: itemLabel(i) }))}
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
    />
  );
}
