// Hosts the cleaning dialogs of the dataset screen: operation, reorder, delete rows, save and apply recipe.
import type { Dataset } from '../../../shared/api/catalog';
import type { Filter } from '../../../shared/api/contract';
import { ApplyRecipeDialog } from '../recipes/ApplyRecipeDialog';
import { SaveRecipeDialog } from '../recipes/SaveRecipeDialog';
import { DeleteRowsDialog } from './DeleteRowsDialog';
import { closeCleanDialog, useCleanDialog } from './dialogStore';
import { OpDialog } from './OpDialog';
import { ReorderDialog } from './ReorderDialog';

interface Props {
  dataset: Dataset;
  filters: Filter[];
  matching: number | null;
}

export function CleanDialogs({ dataset, filters, matching }: Props) {
  const d = useCleanDialog();
  if (!d) return null;
  const close = closeCleanDialog;
  switch (d.kind) {
    case 'op':
      // Keyed so that a second operation opens on fresh state.
      return dataset.columns.some((c) => c.name === d.column) ? <OpDialog key={`${d.op}:${d.column}`} dataset={dataset} kind={d.op} column={d.column} filters={filters} matching={matching} onClose={close} /> : null;
    case 'reorder':
      return <ReorderDialog dataset={dataset} onClose={close} />;
    case 'deleteRows':
      return filters.length && matching ? <DeleteRowsDialog dataset={dataset} filters={filters} matching={matching} onClose={close} /> : null;
    case 'saveRecipe':
      return <SaveRecipeDialog dataset={dataset} onClose={close} />;
    case 'applyRecipe':
      return <ApplyRecipeDialog dataset={dataset} onClose={close} />;
  }
}
