import { create } from 'zustand';
import { DEFAULT_GRID_QUERY, type GridFilters, type GridQuery, type GridSort } from './grid-query';

/**
 * The grid's UI state (query, chosen columns, the row with the keyboard focus), kept outside the component
 * so that opening a debtor and coming back finds the grid as the controller left it.
 */
interface PortfolioGridState {
  readonly query: GridQuery;
  /** The chosen columns in order, or undefined for the default set. */
  readonly columns: readonly string[] | undefined;
  readonly activeIndex: number;
  setSearch(search: string): void;
  setFilters(filters: GridFilters): void;
  /** Sorts on a column: a new one in `firstDirection` (its natural order), the same one flipped. */
  sortBy(column: string, firstDirection: GridSort['direction']): void;
  setColumns(columns: readonly string[] | undefined): void;
  applyView(view: { readonly query: GridQuery; readonly columns: readonly string[] }): void;
  setActiveIndex(index: number): void;
  reset(): void;
}

export const usePortfolioGridStore = create<PortfolioGridState>()((set) => ({
  query: DEFAULT_GRID_QUERY,
  columns: undefined,
  activeIndex: 0,
  setSearch: (search) => set((state) => ({ query: { ...state.query, search }, activeIndex: 0 })),
  setFilters: (filters) => set((state) => ({ query: { ...state.query, filters }, activeIndex: 0 })),
  sortBy: (column, firstDirection) =>
    set((state) => {
      const current = state.query.sort;
      const sort: GridSort = current.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: firstDirection };
      return { query: { ...state.query, sort }, activeIndex: 0 };
    }),
  setColumns: (columns) => set({ columns }),
  applyView: (view) => set({ query: view.query, columns: view.columns, activeIndex: 0 }),
  setActiveIndex: (activeIndex) => set({ activeIndex }),
  reset: () => set({ query: DEFAULT_GRID_QUERY, columns: undefined, activeIndex: 0 }),
}));
