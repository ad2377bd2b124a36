// The app shell: sidebar on the left, the routed screen in the middle, dialogs and toasts on top.
import { useEffect } from 'react';
import { Toasts } from '../components/Toasts';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { ScanDialog } from '../features/catalog/ScanDialog';
import '../features/catalog/catalog.css';
import { DedupeScreen } from '../features/dedupe/DedupeScreen';
import { DatasetScreen } from '../features/grid/DatasetScreen';
import { PrivacyScreen } from '../features/erase/PrivacyScreen';
import { ConnectionBanner } from './ConnectionBanner';
import { Sidebar } from './Sidebar';
import { useDatasets } from './useDatasets';
import { useHotkeys } from './useHotkeys';
import { startJobTracking } from './useJobs';
import { useRoute } from './useRoute';
import { closeScanDialog, useScanDialog } from './ui';

export function App() {
  const route = useRoute();
  const datasets = useDatasets();
  const scan = useScanDialog();
  useHotkeys();
  useEffect(startJobTracking, []);

  return (
    <div className="app" data-ready={datasets.loaded ? 'true' : 'false'}>
      <Sidebar route={route} />
      <main className="main" id="main">
        {route.name === 'dataset' ? <DatasetScreen name={route.dataset} />
          : route.name === 'dedupe' ? <DedupeScreen key={`${route.mode}:${route.dataset}`} name={route.dataset} mode={route.mode} />
          : route.name === 'privacy' ? <PrivacyScreen /> : <CatalogScreen />}
      </main>
      {scan.open ? <ScanDialog onClose={closeScanDialog} /> : null}
      <ConnectionBanner />
      <Toasts />
    </div>
  );
}
