// One dataset on screen: a header with its facts and tools, the grid between the facets panel and the
// history or details panel, the column menu and the cleaning dialogs.
import { useEffect, useMemo, useRef } from 'react';
import type { Dataset } from '../../../shared/api/catalog';
import { baseName, formatBytes, formatCount } from '../../components/format';
import { dismissActionToasts } from '../../components/toastStore';
import { CleanDialogs } from '../clean/CleanDialogs';
import { ClusterDialogHost } from '../cluster/ClusterDialogHost';
import { ColumnMenu } from '../clean/ColumnMenu';
import { closeColumnMenu } from '../clean/columnMenuStore';
import { getUi, useDatasetUi } from '../clean/datasetUi';
import { closeCleanDialog } from '../clean/dialogStore';
import { useCleanHotkeys } from '../clean/useCleanHotkeys';
import { facetFilters, persistFacets, restoreFacets, syncFacetColumns, useFacets } from '../facets/facetStore';
import { FacetsPanel } from '../facets/FacetsPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { MetadataPanel } from '../metadata/MetadataPanel';
import { ProtectionPanel } from '../protect/ProtectionPanel';
import { PersonalPanel } from '../personal/PersonalPanel';
import { RowSelectionBar } from '../split/ExportSplitsButton';
import { DataGrid } from './DataGrid';
import { DriftView } from '../profile/DriftView';
import { ProfileView } from '../profile/ProfileView';
import { RulesPanel } from '../profile/RulesPanel';
import { useViewMode } from '../profile/profileStore';
import { DatasetToolbar } from './DatasetToolbar';
import { setPanels, usePanels } from './panelStore';

export function DatasetView({ dataset }: { dataset: Dataset }) {
  const panels = usePanels();
  const view = useViewMode(dataset.id);
  // Facets saved on an earlier visit come back before the grid asks for its first rows.
  const restored = useRef<number | null>(null);
  if (restored.current !== dataset.id) {
    restored.current = dataset.id;
    restoreFacets(dataset.id, dataset.name, dataset.columns.map((c) => c.name));
  }
  useEffect(() => persistFacets(dataset.id, dataset.name), [dataset.id, dataset.name]);
  const facets = useFacets(dataset.id);
  const gridFilters = useDatasetUi(dataset.id, 'gridFilters');
  const matching = useDatasetUi(dataset.id, 'matching');
  const filters = useMemo(() => [...gridFilters, ...facetFilters(facets)], [gridFilters, facets]);
  useCleanHotkeys(dataset.id);

  // Facets follow the columns: a column that is gone takes its facet with it. Changes made here do this
  // themselves, following renames, before they clear `busy`; this catches changes made elsewhere.
  const columnKey = dataset.columns.map((c) => c.name).join('\u0000');
  useEffect(() => {
    if (!getUi(dataset.id).busy) syncFacetColumns(dataset.id, columnKey.split('\u0000'));
  }, [dataset.id, columnKey]);
  // Menus, dialogs and Undo toasts belong to this dataset: leaving it closes them.
  useEffect(
    () => () => {
      closeColumnMenu();
      closeCleanDialog();
      dismissActionToasts();
    },
    [],
  );

  return (
    <section className="screen dataset-screen" data-testid="dataset-screen" data-dataset={dataset.name}>
      <header className="screen-head">
        <a href="#/" className="crumb-back" title="Catalog">
          Catalog
        </a>
        <span className="crumb-sep">/</span>
        <h1 data-testid="dataset-title">{dataset.name}</h1>
        <span className="screen-sub">
          {formatCount(dataset.rows)} rows × {dataset.columns.length} columns
          {dataset.source.path ? ` · ${baseName(dataset.source.path)} (${formatBytes(dataset.source.size)})` : ''}
        </span>
        <div className="spacer" />
        <DatasetToolbar datasetId={dataset.id} filters={filters} facetCount={facets.length} />
      </header>
      <RowSelectionBar datasetId={dataset.id} />
      <div className={`dataset-body${panels.facets ? ' with-facets' : ''}${panels.right !== 'none' ? ' with-right' : ''}`}>
        {panels.facets ? <FacetsPanel dataset={dataset} onClose={() => setPanels({ facets: false })} /> : null}
        {view === 'profile' ? <ProfileView dataset={dataset} /> : view === 'drift' ? <DriftView dataset={dataset} /> : <DataGrid dataset={dataset} />}
        {panels.right === 'history' ? <HistoryPanel dataset={dataset} onClose={() => setPanels({ right: 'none' })} /> : null}
        {panels.right === 'details' ? <MetadataPanel dataset={dataset} onClose={() => setPanels({ right: 'none' })} /> : null}
        {panels.right === 'protection' ? <ProtectionPanel dataset={dataset} onClose={() => setPanels({ right: 'none' })} /> : null}
        {panels.right === 'personal' ? <PersonalPanel dataset={dataset} onClose={() => setPanels({ right: 'none' })} /> : null}
        {panels.right === 'rules' ? <RulesPanel dataset={dataset} onClose={() => setPanels({ right: 'none' })} /> : null}
      </div>
      <ColumnMenu datasetId={dataset.id} />
      <CleanDialogs dataset={dataset} filters={filters} matching={matching} />
      <ClusterDialogHost dataset={dataset} filters={filters} />
    </section>
  );
}
