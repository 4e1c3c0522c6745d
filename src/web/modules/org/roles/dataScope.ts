import type { TFunction } from 'i18next';
import { dataScopes } from '../../../../common/permissions';

/** 本人 … 全部, narrowest first, labelled from `dataScope.<scope>`. */
export function dataScopeOptions(t: TFunction) {
  return dataScopes.map((scope) => ({ value: scope, label: t(`dataScope.${scope}`) }));
}
