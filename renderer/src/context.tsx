// Hands the client and the store to components without prop drilling.
import { createContext, useContext, type ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Client } from './api/client';
import { useAppStore, type AppState } from './store';

interface Services {
  client: Client;
  store: StoreApi<AppState>;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider(props: Services & { children: ReactNode }): ReactNode {
  const { client, store, children } = props;
  return <ServicesContext.Provider value={{ client, store }}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useAppStore(useServices().store, selector);
}
