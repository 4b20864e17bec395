// UI state in one zustand store. Data lives in the backend; this holds what the screen shows and
// the last results fetched. A factory, so each test gets a fresh store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { AppInfo, Site } from '../../shared/schemas';
import type { Client } from './api/client';

export type LoadState = 'loading' | 'ready' | 'error';

export interface AppState {
  loadState: LoadState;
  error: string | null;
  info: AppInfo | null;
  sites: Site[];
  selectedSiteId: string | null;
  load(client: Client): Promise<void>;
  select(siteId: string | null): void;
}

export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((set) => ({
    loadState: 'loading',
    error: null,
    info: null,
    sites: [],
    selectedSiteId: null,
    async load(client) {
      set({ loadState: 'loading', error: null });
      try {
        const [info, sites] = await Promise.all([client.call('app.info', {}), client.call('sites.list', {})]);
        set({ info, sites, loadState: 'ready' });
      } catch (error) {
        set({ loadState: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    select(siteId) {
      set({ selectedSiteId: siteId });
    },
  }));
}

export function useAppStore<T>(store: StoreApi<AppState>, selector: (state: AppState) => T): T {
  return useStore(store, selector);
}
