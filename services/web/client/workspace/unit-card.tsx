import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { paths } from '../../src/generated/listings-api.js';
import { formatMoney } from '../../src/shared/format.js';
import { listingsApi } from '../api/staff-clients.js';
import { apiProblem } from '../api/problem.js';
import { problemMessage } from '../auth/form-parts.js';
import { locale, m, plurals } from '../i18n.js';
import { UnitForm, type Unit } from './unit-form.js';

type Listing = paths['/v1/listings/{id}']['get']['responses'][200]['content']['application/json'];

/** The organization's listings (one query for every unit card on the page). */
function useListings() {
  return useQuery({
    queryKey: ['listings'],
    queryFn: async () => {
      const { data, error, response } = await listingsApi.GET('/v1/listings/', {
        params: { query: { limit: 100 } },
      });
      if (!data) throw apiProblem(response, error);
      return data.items;
    },
  });
}

/** Publishes the unit's listing, drafting it first (title from the property and unit, the unit's rent). */
async function publish(unit: Unit, propertyName: string, listing: Listing | undefined): Promise<Listing> {
  let id = listing?.id;
  if (!id) {
    const { data, error, response } = await listingsApi.POST('/v1/listings/', {
      body: { unit_id: unit.id, title: `${propertyName} · ${m.unitNumber} ${unit.number}` },
    });
    if (!data) throw apiProblem(response, error);
    id = data.id;
  }
  const { data, error, response } = await listingsApi.POST('/v1/listings/{id}/publish', {
    params: { path: { id } },
  });
  if (!data) throw apiProblem(response, error);
  return data;
}

/** One unit: its facts, its listing's status and, for editors, edit and publish. */
export function UnitCard({
  unit,
  propertyName,
  editor,
}: {
  unit: Unit;
  propertyName: string;
  editor: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const queryClient = useQueryClient();
  const listing = useListings().data?.find((l) => l.unit_id === unit.id);
  const publishing = useMutation({
    mutationFn: () => publish(unit, propertyName, listing),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['listings'] }),
  });
  const status = listing?.status ?? 'unlisted';
  return (
    <li className="unit-card" data-id={unit.id}>
      <h3>
        {m.unitNumber} {unit.number}
      </h3>
      <p>
        {m.beds(unit.beds, plurals)} · {m.baths(unit.baths, plurals)} ·{' '}
        {formatMoney(unit.asking_rent_minor, unit.currency, locale)} {m.perMonth}
      </p>
      <p>
        <span className="status-badge">{m.listingStatuses[status] ?? status}</span>{' '}
        {listing?.status === 'published' && <a href={`/listings/${listing.id}`}>{m.viewListing}</a>}
      </p>
      {editor && (
        <div className="unit-actions">
          <button className="secondary" onClick={() => setEditing(!editing)}>
            {m.editUnit}
          </button>
          {status !== 'published' && status !== 'leased' && (
            <button onClick={() => publishing.mutate()} disabled={publishing.isPending}>
              {publishing.isPending ? m.working : m.publishListing}
            </button>
          )}
        </div>
      )}
      {publishing.error && (
        <p role="alert" className="field-error">
          {problemMessage(publishing.error)}
        </p>
      )}
      {editing && <UnitForm propertyId={unit.property_id} unit={unit} onDone={() => setEditing(false)} />}
    </li>
  );
}
