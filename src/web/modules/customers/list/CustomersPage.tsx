import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, type Query } from '../../../app/api';
import { usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import ListTable from '../../../app/shared/list/ListTable';
import { rowSelection } from '../../../app/shared/list/rowSelection';
import { useRememberedState, useReturning } from '../../../app/shared/list/remembered';
import { useListState } from '../../../app/shared/list/useListState';
import { type SavedScene, useSavedScenes } from '../../../app/shared/savedScenes';
import { customerListColumns, defaultListColumns } from '../../../../common/customers';
import { useCustomers } from '../api/customers';
import { useDictLabel } from '../api/dictionaries';
import CustomerFormDrawer from '../form/CustomerFormDrawer';
import { exportCustomerList } from '../import/exportList';
import ImportModal from '../import/ImportModal';
import '../customers.css';
import { customerScenes, customerSortFields, type Customer, type CustomerScene, type CustomerSortField } from '../types';
import BulkBar from './BulkBar';
import ColumnSettings from './ColumnSettings';
import CustomerFilterPanel, { countFilters, filtersOf, formValuesOf, type FilterFormValues } from './CustomerFilterPanel';
import { customerColumns } from './customerColumns';
import SavedScenes, { CUSTOMER_SCENE_LIST } from './SavedScenes';
import SceneSwitch from './SceneSwitch';
import SearchBox from '../../../app/shared/list/SearchBox';

/** The columns chosen with 列设置 outside any saved scene, kept in this browser. */
const COLUMNS_STORAGE_KEY = 'crm.customers.columns';
const knownColumns = (value: unknown): string[] | null =>
  Array.isArray(value) ? customerListColumns.filter((c) => value.includes(c)) : null;

function storedColumns(): string[] | null {
  try {
    return knownColumns(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

function storeColumns(columns: string[] | null) {
  try {
    if (columns) localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(columns));
    else localStorage.removeItem(COLUMNS_STORAGE_KEY);
  } catch {
    // Private mode or a full store: the choice lasts for this page only.
  }
}

/** 客户列表: scenes, search, filters, sortable columns, paging and bulk actions. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const isMobile = useIsMobile();
  const dictLabel = useDictLabel();
  const [params, setParams] = useSearchParams();
  const sceneParam = params.get('scene') as CustomerScene | null;
  const scene: CustomerScene = sceneParam && customerScenes.includes(sceneParam) ? sceneParam : 'all';
  // Back from a customer finds the list as it was left: search, filters, page and sort.
  const [q, setQ] = useRememberedState<string | undefined>('customers.q', undefined);
  const [searchText, setSearchText] = useRememberedState('customers.searchText', '');
  /** Visible column keys; null shows them all. */
  const [visibleColumns, setVisibleColumns] = useState<string[] | null>(storedColumns);
  /** The saved scene last applied (until the view is changed by hand). */
  const [activeSceneId, setActiveSceneId] = useRememberedState<number | undefined>('customers.savedScene', undefined);
  /** Remounts the filter form when a saved scene replaces its values. */
  const [filterFormKey, setFilterFormKey] = useState(0);
  // A link may name an owner (the workbench's 今日需联系 counts the user's own customers).
  const [filterValues, setFilterValues] = useRememberedState<FilterFormValues>('customers.filters', () => formValuesOf({ ownerId: Number(params.get('ownerId')) }));
  const returning = useReturning('customers.filters');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const listState = useListState<object, CustomerSortField>({ sortFields: customerSortFields, remember: 'customers' });
  const { paging, setPaging } = listState;
  const [selected, setSelected] = useState<Customer[]>([]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();

  const filters = useMemo(() => filtersOf(filterValues), [filterValues]);
  const list = useCustomers({ scene, q, ...filters, ...paging });
  const filterCount = countFilters(filterValues);
  const allColumns = customerColumns({ t, sort: paging.sort, order: paging.order, isMobile, dictLabel });
  // The columns ticked in 列设置 are the columns shown, on every screen size; the name always shows.
  const shownColumns: readonly string[] = visibleColumns ?? defaultListColumns;
  const columns = allColumns.filter((c) => c.key === 'name' || shownColumns.includes(String(c.key)));
  const columnChoices = allColumns.map((c) => ({ key: String(c.key), title: String(c.title), fixed: c.key === 'name' }));

  const savedScenes = useSavedScenes(CUSTOMER_SCENE_LIST);
  const applySavedScene = (saved: SavedScene) => {
    const f = saved.filters;
    const nextScene = customerScenes.find((s) => s === f.scene) ?? 'all';
    setParams(nextScene === 'all' ? {} : { scene: nextScene }, { replace: true });
    const search = typeof f.q === 'string' && f.q.trim() ? f.q.trim() : undefined;
    setQ(search);
    setSearchText(search ?? '');
    setFilterValues(formValuesOf(f));
    setFilterFormKey((k) => k + 1);
    const sort = customerSortFields.find((x) => x === f.sort);
    setPaging((p) => ({ page: 1, pageSize: p.pageSize, sort, order: sort ? (f.order === 'asc' ? 'asc' : 'desc') : undefined }));
    if (saved.columns) setVisibleColumns(knownColumns(saved.columns));
    setSelected([]);
    setActiveSceneId(saved.id);
  };
  // The default scene applies once when the list opens, unless a link asked for a scene of its own
  // or Back returns to the list as it was left.
  const defaultApplied = useRef(false);
  useEffect(() => {
    if (defaultApplied.current || !savedScenes.data) return;
    defaultApplied.current = true;
    const preferred = savedScenes.data.find((s) => s.isDefault);
    if (preferred && !sceneParam && !returning) applySavedScene(preferred);
  }, [savedScenes.data]);
  const currentView = () => ({
    filters: Object.fromEntries(
      Object.entries({ scene, q, ...filters, sort: paging.sort, order: paging.sort ? paging.order : undefined }).filter(([, v]) => v !== undefined),
    ),
    columns: [...shownColumns],
  });

  /** 导出 (the whole list as filtered) or 导出所选 (`ids`), with the columns shown, in the list's order. */
  const exportList = (query: Query) => {
    setExporting(true);
    exportCustomerList({ ...query, sort: paging.sort, order: paging.order }, columns)
      .catch((err: unknown) => message.error(t('customer.importExport.exportFailed', { message: errorMessage(err) })))
      .finally(() => setExporting(false));
  };
  const firstPage = () => {
    listState.firstPage();
    setSelected([]);
    setActiveSceneId(undefined);
  };
  const setScene = (next: CustomerScene) => {
    setParams(next === 'all' ? {} : { scene: next }, { replace: true });
    firstPage();
  };

  // Searched or filtered: nothing matches; a scene alone: nothing in it yet; else: no customers at all.
  const filtered = !!q || filterCount > 0;
  const emptyText = filtered ? t('customer.emptyFiltered') : scene !== 'all' ? t('customer.emptyScene', { scene: t(`customer.scene.${scene}`) }) : t('customer.empty');
  const empty = (
    <Empty description={emptyText}>
      {!filtered && (scene === 'all' || scene === 'mine') && can('customer.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('customer.create')}
        </Button>
      )}
    </Empty>
  );

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('customer.title')}
      </Typography.Title>
      <div className="page-toolbar">
        <SceneSwitch value={scene} onChange={setScene} />
        <div className="saved-scene-bar">
          <SavedScenes activeId={activeSceneId} current={currentView} onApply={applySavedScene} />
          <ColumnSettings
            choices={columnChoices}
            value={visibleColumns}
            defaults={defaultListColumns}
            onChange={(next) => {
              setVisibleColumns(next);
              storeColumns(next);
            }}
          />
        </div>
      </div>
      <div className="page-toolbar customer-toolbar">
        <SearchBox
          className="customer-search"
          label={t('customer.search')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(q) => {
            setQ(q);
            firstPage();
          }}
        />
        <Badge count={filterCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)} type={filtersOpen ? 'primary' : 'default'} ghost={filtersOpen}>
            {t('customer.filters')}
          </Button>
        </Badge>
        <span className="page-toolbar-grow" />
        {can('customer.import') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('customer.importExport.import')}
          </Button>
        )}
        {can('customer.export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => exportList({ scene, q, ...filters })}>
            {t('customer.importExport.export')}
          </Button>
        )}
        {can('customer.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('customer.create')}
          </Button>
        )}
      </div>
      {filtersOpen && (
        <CustomerFilterPanel
          key={filterFormKey}
          value={filterValues}
          onChange={(v) => {
            setFilterValues(v);
            firstPage();
          }}
        />
      )}
      <ListTable<Customer>
        className="customer-table"
        list={list}
        state={listState}
        columns={columns}
        empty={empty}
        rowSelection={rowSelection(t, selected, setSelected, !isMobile)}
      />
      {/* Below the table, held at the screen's bottom edge: above it, appearing with the first tick pushed the rows down under the pointer. */}
      {selected.length > 0 && (
        <BulkBar
          selected={selected}
          onDone={(keep = []) => setSelected((current) => current.filter((c) => keep.includes(c.id)))}
          exporting={exporting}
          onExport={() => exportList({ ids: selected.map((c) => c.id).join(',') })}
        />
      )}
      <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} />
      {importing && <ImportModal open={importing} onClose={() => setImporting(false)} />}
    </Card>
  );
}
