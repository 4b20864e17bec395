// Renderer entry: pick the transport, build the client and store, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient, pickTransport } from './api/client';
import { ServicesProvider } from './context';
import { createAppStore } from './store';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const client = createClient(pickTransport());
  root.render(
    <StrictMode>
      <ServicesProvider client={client} store={createAppStore()}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(<p className="fatal">{error instanceof Error ? error.message : String(error)}</p>);
}
