import { ERP_PRESETS, HEADER_SYNONYMS, type ErpPreset } from './erp-presets';
import { OPEN_ITEM_FIELDS, type ColumnMapping, type TableField } from './open-item-fields';

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[_\s]+/g, ' ').replace(/[:*]+$/, '');
}

export interface MappingGuess {
  readonly mapping: ColumnMapping;
  /** The ERP whose column names matched, if one did. */
  readonly preset: ErpPreset | undefined;
}

/** Names a table's columns go by for each field: a program's own names (a preset) or generic synonyms. */
export interface ColumnNames<F extends TableField> {
  readonly columns: Partial<Record<F, readonly string[]>>;
}

/**
 * Proposes which column holds which of `fields` from the header row: the preset whose exact names cover the
 * most fields (at least four, and every `required` one) first, then the synonyms for what is left; a column
 * goes to one field only. Used for open items and for customer lists alike.
 */
export function guessColumns<F extends TableField, P extends ColumnNames<F>>(
  headers: readonly string[],
  fields: readonly F[],
  presets: readonly P[],
  synonyms: Partial<Record<F, readonly string[]>>,
  required: readonly F[] = [],
): { readonly mapping: ColumnMapping; readonly preset: P | undefined } {
  const normalised = headers.map(normaliseHeader);
  const assign = (mapping: ColumnMapping, namesOf: (field: F) => readonly string[] | undefined) => {
    const taken = new Set(Object.values(mapping));
    for (const field of fields) {
      if (mapping[field] !== undefined) continue;
      for (const name of namesOf(field) ?? []) {
        const index = normalised.indexOf(normaliseHeader(name));
        if (index >= 0 && !taken.has(index)) {
          mapping[field] = index;
          taken.add(index);
          break;
        }
      }
    }
    return mapping;
  };

  let best: { preset: P; mapping: ColumnMapping; score: number } | undefined;
  for (const preset of presets) {
    const mapping = assign({}, (field) => preset.columns[field]);
    const score = Object.keys(mapping).length;
    if (score >= 4 && required.every((field) => mapping[field] !== undefined) && (!best || score > best.score)) best = { preset, mapping, score };
  }
  return { mapping: assign({ ...best?.mapping }, (field) => synonyms[field]), preset: best?.preset };
}

/**
 * Proposes which column holds which open-item field from the header row: an ERP preset's exact names first
 * (the preset whose names cover the most fields wins), then generic synonyms for what is left.
 * The user sees and can change every choice on the mapping screen.
 */
export function guessMapping(headers: readonly string[]): MappingGuess {
  const { mapping, preset } = guessColumns(headers, OPEN_ITEM_FIELDS, ERP_PRESETS, HEADER_SYNONYMS);
  // An export with only an amount column: that amount is what is open.
  if (mapping.openAmount === undefined && mapping.amount !== undefined) {
    mapping.openAmount = mapping.amount;
    delete mapping.amount;
  }
  return { mapping, preset };
}
