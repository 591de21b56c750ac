import { formatMoney } from '../../src/shared/format.js';
import { locale, m, plurals } from '../i18n.js';
import type { ListItem, TextSearchAnswer } from '../map/map-markers.js';

export interface ResultListProps {
  answer: TextSearchAnswer | undefined;
  loading: boolean;
  failed: boolean;
  highlightedId: string | undefined;
  onHover(id: string | undefined): void;
}

function ResultCard({
  item,
  highlighted,
  onHover,
}: {
  item: ListItem;
  highlighted: boolean;
  onHover(id?: string): void;
}) {
  return (
    <li
      className={highlighted ? 'result is-highlighted' : 'result'}
      data-id={item.id}
      onMouseEnter={() => onHover(item.id)}
      onMouseLeave={() => onHover(undefined)}
    >
      <a href={`/listings/${item.id}`} onFocus={() => onHover(item.id)} onBlur={() => onHover(undefined)}>
        <span className="result-price">
          {formatMoney(item.price_minor, item.currency, locale)} <span className="muted">{m.perMonth}</span>
        </span>
        <span className="result-title">{item.title}</span>
        <span className="result-facts">
          {m.beds(item.beds, plurals)} · {m.baths(item.baths, plurals)} ·{' '}
          {m.propertyTypes[item.property_type] ?? item.property_type}
        </span>
        <span className="result-place muted">
          {item.address.city}, {item.address.region}
        </span>
      </a>
    </li>
  );
}

/** The listings of the view beside the map, with how many there are; hover and focus highlight markers. */
export function ResultList({ answer, loading, failed, highlightedId, onHover }: ResultListProps) {
  const total = answer?.total;
  const status = failed
    ? m.searchFailed
    : !answer
      ? m.loading
      : total && total.value > 0
        ? (total.relation === 'gte' ? m.resultsAtLeast : m.results)(total.value, plurals)
        : m.noResults;
  return (
    <section className="results" aria-labelledby="results-status" aria-busy={loading}>
      <p id="results-status" className="results-status" role="status">
        {status}
      </p>
      {answer && answer.items.length > 0 ? (
        <ol className="result-list">
          {answer.items.map((item) => (
            <ResultCard key={item.id} item={item} highlighted={item.id === highlightedId} onHover={onHover} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
