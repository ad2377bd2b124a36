// Keeps the grid's masked cells in step with the mask toggle and the tags: a change redraws the cells.
import { useEffect, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { loadTags, personalStore } from './tagStore';

export function usePersonalGrid<T>(apiRef: RefObject<GridApi<T> | null>, dataset: string): void {
  useEffect(() => {
    void loadTags(dataset);
    let last = personalStore.get();
    return personalStore.subscribe(() => {
      const s = personalStore.get();
      if (s.masked[dataset] !== last.masked[dataset] || s.tags[dataset] !== last.tags[dataset]) apiRef.current?.refreshCells({ force: true });
      last = s;
    });
  }, [apiRef, dataset]);
}
