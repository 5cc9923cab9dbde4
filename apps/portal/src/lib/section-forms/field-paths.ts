import type { Placement } from '$lib/form-errors';
import type { Field } from './form-model';

/**
 * Where a content path's problem shows on a section's form: `promises.2.principles.0` belongs to
 * the field `promises.2.principles`, labelled "Promise 3, principles". A path no field takes goes
 * on the form, labelled with the path.
 */
export const placeOn =
  (fields: readonly Field[]): Placement =>
  (path) => {
    const [first, index] = path.map(String);
    const joined = path.map(String).join('.');
    for (const field of fields) {
      if (field.kind === 'group' && field.name === first && index !== undefined && /^\d+$/.test(index)) {
        const rest = path.slice(2).map(String).join('.');
        const item = field.fields.find((candidate) => rest === candidate.name || rest.startsWith(`${candidate.name}.`));
        const label = `${field.itemLabel} ${Number(index) + 1}`;
        if (item) return { name: `${first}.${index}.${item.name}`, label: `${label}, ${item.label.toLowerCase()}` };
        break;
      }
      if (field.kind !== 'group' && (joined === field.name || joined.startsWith(`${field.name}.`))) {
        return { name: field.name, label: field.label };
      }
    }
    return path.length > 0 ? { name: 'form', label: joined } : null;
  };

/** The id of a field's control, for labels and for the error summary's links. */
export const fieldId = (name: string): string => `field-${name.replace(/\./g, '-')}`;
