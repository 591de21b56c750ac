import type { paths } from '../../src/generated/listings-api.js';
import { listingsApi } from '../api/staff-clients.js';
import { FormAlert, TextField } from '../auth/form-parts.js';
import { toMajorUnits, toMinorUnits } from '../../src/shared/format.js';
import { m } from '../i18n.js';
import { field, useApiForm } from './use-api-form.js';

/** A unit as the listings staff API answers it. */
export type Unit = paths['/v1/units/{id}']['get']['responses'][200]['content']['application/json'];
type UnitBody = paths['/v1/properties/{id}/units']['post']['requestBody']['content']['application/json'];

// Rent is typed in major units (1250.50) and sent as the currency's integer minor units.
const bodyOf = (f: FormData): UnitBody => {
  const currency = field.text(f, 'currency');
  return {
    number: field.text(f, 'number'),
    beds: field.number(f, 'beds'),
    baths: field.number(f, 'baths'),
    asking_rent_minor: toMinorUnits(
      field.number(f, 'asking_rent_minor'),
      /^[A-Z]{3}$/.test(currency) ? currency : 'USD',
    ),
    currency,
  };
};

/** Adds a unit to `propertyId`, or edits `unit`; rent is entered in major units and sent as minor units. */
export function UnitForm({
  propertyId,
  unit,
  onDone,
}: {
  propertyId: string;
  unit?: Unit;
  onDone: () => void;
}) {
  const form = useApiForm(
    (f) =>
      unit
        ? listingsApi.PATCH('/v1/units/{id}', { params: { path: { id: unit.id } }, body: bodyOf(f) })
        : listingsApi.POST('/v1/properties/{id}/units', {
            params: { path: { id: propertyId } },
            body: bodyOf(f),
          }),
    [['units', propertyId]],
    onDone,
  );
  const e = form.fieldErrors;
  const prefix = unit ? `unit-${unit.id}-` : 'new-unit-';
  const input = (name: string, label: string, value: string | number | undefined, extra = {}) => (
    <TextField
      name={name}
      id={`${prefix}${name}`}
      label={label}
      defaultValue={value}
      error={e[name]}
      required
      {...extra}
    />
  );
  return (
    <form
      className="entity-form"
      onSubmit={form.onSubmit}
      noValidate
      aria-label={unit ? m.editUnit : m.addUnit}
    >
      <FormAlert message={form.message} />
      <div className="form-row">
        {input('number', m.unitNumber, unit?.number)}
        {input('beds', m.bedsMin, unit?.beds, { inputMode: 'numeric' })}
        {input('baths', m.bathsMin, unit?.baths, { inputMode: 'decimal' })}
        {input(
          'asking_rent_minor',
          m.monthlyRent,
          unit && toMajorUnits(unit.asking_rent_minor, unit.currency),
          { inputMode: 'decimal' },
        )}
        {input('currency', m.currency, unit?.currency ?? 'USD', { maxLength: 3 })}
      </div>
      <button type="submit" disabled={form.busy}>
        {form.busy ? m.working : m.saveUnit}
      </button>
    </form>
  );
}
