import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listingsApi } from '../api/staff-clients.js';
import { apiProblem } from '../api/problem.js';
import { m } from '../i18n.js';
import { followLink, navigate } from '../routing.js';
import { PropertyForm } from './property-form.js';
import { canEditPortfolio } from './roles.js';

/** The organization's properties, oldest first; who may change them gets the add button (the API decides). */
export function PropertiesPanel({ roles }: { roles: string[] }) {
  const [adding, setAdding] = useState(false);
  const properties = useQuery({
    queryKey: ['properties'],
    queryFn: async () => {
      const { data, error, response } = await listingsApi.GET('/v1/properties/', {
        params: { query: { limit: 100 } },
      });
      if (!data) throw apiProblem(response, error);
      return data;
    },
  });
  const editor = canEditPortfolio(roles);
  return (
    <section aria-labelledby="properties-heading">
      <div className="workspace-toolbar">
        <h1 id="properties-heading">{m.properties}</h1>
        {editor && !adding && <button onClick={() => setAdding(true)}>{m.addProperty}</button>}
      </div>
      {adding && <PropertyForm onDone={(saved) => navigate(`/workspace/properties/${saved.id}`)} />}
      {properties.isPending && <p>{m.working}</p>}
      {properties.isError && <p role="alert">{m.networkFailed}</p>}
      {properties.data?.items.length === 0 && !adding && (
        <p className="empty-state">{editor ? m.noPropertiesYet : m.noPropertiesViewer}</p>
      )}
      <ul className="property-list">
        {properties.data?.items.map((property) => (
          <li key={property.id} className="property-card" data-id={property.id}>
            <h2>
              <a href={`/workspace/properties/${property.id}`} onClick={followLink}>
                {property.name}
              </a>
            </h2>
            <p className="muted">
              {property.address.line1}, {property.address.city}, {property.address.region}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
