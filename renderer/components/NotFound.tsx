// The screen shown when the dataset a route names is not in the workspace (renamed or deleted).
import { EmptyState } from './EmptyState';

export function DatasetNotFound({ name }: { name: string }) {
  return (
    <section className="screen">
      <EmptyState title="Dataset not found" actions={<a className="button button-secondary" href="#/">Back to the catalog</a>}>
        <p>There is no dataset called “{name}” in this workspace. It may have been renamed or deleted.</p>
      </EmptyState>
    </section>
  );
}
