import type { Dispatch, SetStateAction } from 'react';
import { useRememberedState } from './remembered';
import { DEFAULT_PAGE_SIZE, pagingOfTableChange, type ListPaging, type TablePageChange, type TableSorter } from './paging';

/** A list page's filters and paging: what its query hook is called with and its table reports back. */
export interface ListState<F extends object, S extends string = never> {
  filters: F;
  /** New filters show from page 1. */
  setFilters: Dispatch<SetStateAction<F>>;
  paging: ListPaging<S>;
  setPaging: Dispatch<SetStateAction<ListPaging<S>>>;
  /** Back to page 1, keeping page size and sort (after a search or filter change made elsewhere). */
  firstPage: () => void;
  /** To another page, keeping page size and sort. */
  toPage: (page: number) => void;
  /** Filters and paging together: the list endpoint's query. */
  params: F & ListPaging<S>;
  /** The table's page, page size and sort change (ListTable calls it). */
  onTableChange: (pagination: TablePageChange, sorter: TableSorter | TableSorter[]) => void;
}

/**
 * State for a server-paged list. `filters` is the page's own filter values (all optional, starting
 * empty unless given); `sortFields` are the columns the endpoint sorts by (none: no sorting);
 * `remember` names the list so Back returns to the page and filters it was left at.
 */
export function useListState<F extends object = object, S extends string = never>(
  options: { filters?: F; sortFields?: readonly S[]; remember?: string } = {},
): ListState<F, S> {
  const [filters, setFilterValues] = useRememberedState<F>(options.remember && `${options.remember}.filters`, () => options.filters ?? ({} as F));
  const [paging, setPaging] = useRememberedState<ListPaging<S>>(options.remember && `${options.remember}.paging`, { page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const toPage = (page: number) => setPaging((p) => (p.page === page ? p : { ...p, page }));
  const firstPage = () => toPage(1);
  return {
    filters,
    setFilters: (next) => {
      setFilterValues(next);
      firstPage();
    },
    paging,
    setPaging,
    firstPage,
    toPage,
    params: { ...filters, ...paging },
    onTableChange: (pagination, sorter) => setPaging(pagingOfTableChange(pagination, sorter, options.sortFields ?? [])),
  };
}
