import type { paths } from '../../src/generated/listings-api.js';
import { listingsApi } from '../api/staff-clients.js';
import { FormAlert, TextField } from '../auth/form-parts.js';
import { m } from '../i18n.js';
import { field, useApiForm } from './use-api-form.js';

/** A property as the listings staff API answers it. */
export type Property = paths['/v1/properties/{id}']['get']['responses'][200]['content']['application/json'];
type PropertyBody = paths['/v1/properties/']['post']['requestBody']['content']['application/json'];

const TYPES = [
  'apartment',
  'single_family',
  'multi_family',
  'condo',
  'townhouse',
  'mobile_home',
  'commercial',
  'other',
];

const bodyOf = (f: FormData): PropertyBody => ({
  name: field.text(f, 'name'),
  property_type: field.text(f, 'property_type') as PropertyBody['property_type'],
  address: {
    line1: field.text(f, 'address.line1'),
    city: field.text(f, 'address.city'),
    region: field.text(f, 'address.region'),
    postal_code: field.text(f, 'address.postal_code'),
    country: field.text(f, 'address.country'),
  },
  location: { lat: field.number(f, 'location.lat'), lng: field.number(f, 'location.lng') },
  time_zone: field.text(f, 'time_zone'),
});

/** Adds a property, or edits `property`; the API's validation messages appear beside their fields. */
export function PropertyForm({
  property,
  onDone,
}: {
  property?: Property;
  onDone: (saved: Property) => void;
}) {
  const form = useApiForm(
    (f) =>
      property
        ? listingsApi.PATCH('/v1/properties/{id}', { params: { path: { id: property.id } }, body: bodyOf(f) })
        : listingsApi.POST('/v1/properties/', { body: bodyOf(f) }),
    [['properties'], ...(property ? [['property', property.id]] : [])],
    onDone,
  );
  const e = form.fieldErrors;
  const text = (name: string, label: string, value: string | number | undefined, extra = {}) => (
    <TextField name={name} label={label} defaultValue={value} error={e[name]} required {...extra} />
  );
  return (
    <form
      className="entity-form"
      onSubmit={form.onSubmit}
      noValidate
      aria-label={property ? m.editProperty : m.addProperty}
    >
      <FormAlert message={form.message} />
      {text('name', m.propertyName, property?.name)}
      <div className="form-field">
        <label htmlFor="field-property_type">{m.propertyTypeLabel}</label>
        <select
          id="field-property_type"
          name="property_type"
          defaultValue={property?.property_type ?? 'apartment'}
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {m.propertyTypes[t]}
            </option>
          ))}
        </select>
      </div>
      {text('address.line1', m.street, property?.address.line1, { autoComplete: 'address-line1' })}
      <div className="form-row">
        {text('address.city', m.city, property?.address.city)}
        {text('address.region', m.region, property?.address.region)}
        {text('address.postal_code', m.postalCode, property?.address.postal_code)}
        {text('address.country', m.country, property?.address.country ?? 'US', { maxLength: 2 })}
      </div>
      <div className="form-row">
        {text('location.lat', m.latitude, property?.location.lat, { inputMode: 'decimal' })}
        {text('location.lng', m.longitude, property?.location.lng, { inputMode: 'decimal' })}
        {text(
          'time_zone',
          m.timeZone,
          property?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        )}
      </div>
      <button type="submit" disabled={form.busy}>
        {form.busy ? m.working : m.saveProperty}
      </button>
    </form>
  );
}
