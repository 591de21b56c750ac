import { useState, type FormEvent } from 'react';
import { m } from '../i18n.js';
import { EMPTY_FILTERS, type SearchFilters } from './search-state.js';
import { PETS, PROPERTY_TYPES, type Pet, type PropertyType } from './vocabulary.js';

const BEDS = [1, 2, 3, 4];
const BATHS = [1, 1.5, 2, 3];

const optionalNumber = (raw: string): number | undefined => (raw === '' ? undefined : Number(raw));

function PriceField(props: { name: string; label: string; value: string; onInput(value: string): void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        name={props.name}
        min={0}
        step={50}
        inputMode="numeric"
        value={props.value}
        onChange={(e) => props.onInput(e.target.value)}
      />
    </label>
  );
}

/** A "this many or more" select (beds, baths); its first option is no minimum. */
function MinimumField(props: {
  name: string;
  label: string;
  steps: number[];
  value: number | undefined;
  onPick(value: number | undefined): void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        name={props.name}
        value={props.value ?? ''}
        onChange={(e) => props.onPick(optionalNumber(e.target.value))}
      >
        <option value="">{m.any}</option>
        {props.steps.map((n) => (
          <option key={n} value={n}>
            {m.atLeast(n)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The filters: selects and checkboxes apply at once; keywords and prices when submitted (Enter). */
export function FilterBar({
  filters,
  onChange,
}: {
  filters: SearchFilters;
  onChange(next: SearchFilters): void;
}) {
  const [typed, setTyped] = useState({
    q: filters.q ?? '',
    priceMin: filters.priceMin?.toString() ?? '',
    priceMax: filters.priceMax?.toString() ?? '',
  });
  const [shownFilters, setShownFilters] = useState(filters);
  // Back/forward changed the filters: show what the URL says.
  if (shownFilters !== filters) {
    setShownFilters(filters);
    setTyped({
      q: filters.q ?? '',
      priceMin: filters.priceMin?.toString() ?? '',
      priceMax: filters.priceMax?.toString() ?? '',
    });
  }
  const change = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: SearchFilters = { ...filters };
    delete next.q;
    delete next.priceMin;
    delete next.priceMax;
    if (typed.q.trim()) next.q = typed.q.trim();
    const min = optionalNumber(typed.priceMin);
    const max = optionalNumber(typed.priceMax);
    if (min !== undefined && Number.isFinite(min)) next.priceMin = min;
    if (max !== undefined && Number.isFinite(max)) next.priceMax = max;
    onChange(next);
  };
  const togglePet = (pet: Pet, on: boolean) =>
    change({ pets: on ? [...filters.pets, pet] : filters.pets.filter((p) => p !== pet) });

  return (
    <form className="filter-bar" role="search" aria-label={m.filters} onSubmit={submit}>
      <label className="field field-wide">
        <span>{m.keywords}</span>
        <input
          type="search"
          name="q"
          value={typed.q}
          placeholder={m.keywordsPlaceholder}
          onChange={(e) => setTyped({ ...typed, q: e.target.value })}
        />
      </label>
      <PriceField
        name="price_min"
        label={m.priceMin}
        value={typed.priceMin}
        onInput={(v) => setTyped({ ...typed, priceMin: v })}
      />
      <PriceField
        name="price_max"
        label={m.priceMax}
        value={typed.priceMax}
        onInput={(v) => setTyped({ ...typed, priceMax: v })}
      />
      <MinimumField
        name="beds"
        label={m.bedsMin}
        steps={BEDS}
        value={filters.bedsMin}
        onPick={(bedsMin) => change({ bedsMin })}
      />
      <MinimumField
        name="baths"
        label={m.bathsMin}
        steps={BATHS}
        value={filters.bathsMin}
        onPick={(bathsMin) => change({ bathsMin })}
      />
      <label className="field">
        <span>{m.propertyType}</span>
        <select
          name="type"
          value={filters.propertyTypes[0] ?? ''}
          onChange={(e) => change({ propertyTypes: e.target.value ? [e.target.value as PropertyType] : [] })}
        >
          <option value="">{m.any}</option>
          {PROPERTY_TYPES.map((type) => (
            <option key={type} value={type}>
              {m.propertyTypes[type] ?? type}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field pets">
        <legend>{m.pets}</legend>
        {PETS.map((pet) => (
          <label key={pet}>
            <input
              type="checkbox"
              name="pets"
              value={pet}
              checked={filters.pets.includes(pet)}
              onChange={(e) => togglePet(pet, e.target.checked)}
            />
            {m[pet]}
          </label>
        ))}
      </fieldset>
      <div className="filter-actions">
        <button type="submit">{m.searchButton}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...EMPTY_FILTERS, currency: filters.currency })}
        >
          {m.clearFilters}
        </button>
      </div>
    </form>
  );
}
