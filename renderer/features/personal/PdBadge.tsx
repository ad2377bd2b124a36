// The personal-data badge of a grid column header: the kind, coloured by category, dashed while only suggested.
import { useStore } from '../../app/store';
import { personalStore } from './tagStore';
import { kindLabel } from './labels';

export function PdBadge({ dataset, column }: { dataset: string; column: string }) {
  const s = useStore(personalStore);
  const tag = s.tags[dataset]?.find((r) => r.column === column)?.tag;
  if (!tag || tag.category === 'none') return null;
  const title = `Personal data: ${kindLabel(tag.kind)} (${tag.category}${tag.category === 'special' ? ', GDPR Art. 9' : ''}) — ${tag.status === 'confirmed' ? 'confirmed' : `suggested, ${Math.round(tag.confidence * 100)}% confidence`}`;
  return (
    <span className={`pd-badge pd-${tag.category}${tag.status === 'suggested' ? ' pd-suggested' : ''}`} title={title} data-testid="pd-badge" data-kind={tag.kind} data-category={tag.category} data-status={tag.status}>
      {tag.category === 'special' ? 'Art.9' : tag.category === 'direct' ? 'ID' : 'QI'}
    </span>
  );
}
