// A small histogram (or top-value bars) of a column in its grid header, from the cached profile,
// shown when the header histograms toggle is on.
import { useRoute } from '../../app/useRoute';
import { Bars } from './Bars';
import { useHeaderHistograms, useProfileState } from './profileStore';

export function HeaderHistogram({ column }: { column: string }) {
  const route = useRoute();
  const dataset = route.name === 'dataset' ? route.dataset : '';
  const on = useHeaderHistograms();
  const { profile } = useProfileState(dataset);
  if (!on || !profile) return null;
  const c = profile.columns.find((x) => x.column === column);
  if (!c) return null;
  const counts = c.histogram.length ? c.histogram.map((b) => b.count) : c.top.slice(0, 8).map((t) => t.count);
  if (!counts.length) return null;
  return (
    <span className="header-histogram" data-testid="header-histogram">
      <Bars a={counts} labels={counts.map(String)} width={28} height={12} ariaLabel={`Distribution of ${column}`} />
    </span>
  );
}
