// The dataset screen: finds the dataset named in the route, or says it is not there.
import { EmptyState } from '../../components/EmptyState';
import { findDataset, useDatasets } from '../../app/useDatasets';
import { DatasetView } from './DatasetView';

export function DatasetScreen({ name }: { name: string }) {
  const { loaded, list } = useDatasets();
  const dataset = findDataset(list, name);

  if (!loaded) return <div className="screen-loading" aria-busy="true" />;
  if (!dataset) {
    return (
      <section className="screen">
        <EmptyState title="Dataset not found" actions={<a className="button button-secondary" href="#/">Back to the catalog</a>}>
          <p>There is no dataset called “{name}” in this workspace. It may have been renamed or deleted.</p>
        </EmptyState>
      </section>
    );
  }
  return <DatasetView key={dataset.id} dataset={dataset} />;
}
