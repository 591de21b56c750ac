import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listingsApi } from '../api/staff-clients.js';
import { apiProblem } from '../api/problem.js';
import { m } from '../i18n.js';
import { followLink } from '../routing.js';
import { PropertyForm } from './property-form.js';
import { canEditPortfolio } from './roles.js';
import { UnitCard } from './unit-card.js';
import { UnitForm } from './unit-form.js';

/** /workspace/properties/:id: the property, its units, and each unit's listing. */
export function PropertyPage({ id, roles }: { id: string; roles: string[] }) {
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const editor = canEditPortfolio(roles);
  const property = useQuery({
    queryKey: ['property', id],
    queryFn: async () => {
      const { data, error, response } = await listingsApi.GET('/v1/properties/{id}', {
        params: { path: { id } },
      });
      if (!data) throw apiProblem(response, error);
      return data;
    },
  });
  const units = useQuery({
    queryKey: ['units', id],
    queryFn: async () => {
      const { data, error, response } = await listingsApi.GET('/v1/properties/{id}/units', {
        params: { path: { id }, query: { limit: 100 } },
      });
      if (!data) throw apiProblem(response, error);
      return data;
    },
  });
  if (property.isError) return <p role="alert">{property.error.message}</p>;
  if (!property.data) return <p>{m.working}</p>;
  const p = property.data;
  return (
    <section aria-labelledby="property-heading">
      <a href="/workspace" onClick={followLink}>
        {m.allProperties}
      </a>
      <div className="workspace-toolbar">
        <h1 id="property-heading">{p.name}</h1>
        {editor && !editing && (
          <button className="secondary" onClick={() => setEditing(true)}>
            {m.editProperty}
          </button>
        )}
      </div>
      <p className="muted">
        {m.propertyTypes[p.property_type]} · {p.address.line1}, {p.address.city}, {p.address.region}{' '}
        {p.address.postal_code}
      </p>
      {editing && <PropertyForm property={p} onDone={() => setEditing(false)} />}
      <div className="workspace-toolbar">
        <h2>{m.units}</h2>
        {editor && !adding && <button onClick={() => setAdding(true)}>{m.addUnit}</button>}
      </div>
      {adding && <UnitForm propertyId={id} onDone={() => setAdding(false)} />}
      {units.data?.items.length === 0 && !adding && (
        <p className="empty-state">{editor ? m.noUnitsYet : m.noUnitsViewer}</p>
      )}
      <ul className="unit-list">
        {units.data?.items.map((unit) => (
          <UnitCard key={unit.id} unit={unit} propertyName={p.name} editor={editor} />
        ))}
      </ul>
    </section>
  );
}
