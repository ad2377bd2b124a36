// The dataset screen: finds the dataset named in the route, or says it is not there.
import { DatasetNotFound } from '../../components/NotFound';
import { findDataset, useDatasets } from '../../app/useDatasets';
import { DatasetView } from './DatasetView';

export function DatasetScreen({ name }: { name: string }) {
  const { loaded, list } = useDatasets();
  const dataset = findDataset(list, name);

  if (!loaded) return <div className="screen-loading" aria-busy="true" />;
  if (!dataset) {
    return <DatasetNotFound name={name} />;
  }
  return <DatasetView key={dataset.id} dataset={dataset} />;
}
