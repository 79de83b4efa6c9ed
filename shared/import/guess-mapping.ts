import { ERP_PRESETS, HEADER_SYNONYMS, type ErpPreset } from './erp-presets';
import { OPEN_ITEM_FIELDS, type ColumnMapping } from './open-item-fields';

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[_\s]+/g, ' ').replace(/[:*]+$/, '');
}

export interface MappingGuess {
  readonly mapping: ColumnMapping;
  /** The ERP whose column names matched, if one did. */
  readonly preset: ErpPreset | undefined;
}

/**
 * Proposes which column holds which field from the header row: an ERP preset's exact names first (the
 * preset whose names cover the most required fields wins), then generic synonyms for what is left.
 * The user sees and can change every choice on the mapping screen.
 */
export function guessMapping(headers: readonly string[]): MappingGuess {
  const normalised = headers.map(normaliseHeader);
  const columnOf = (names: readonly string[] | undefined, taken: Set<number>) => {
    for (const name of names ?? []) {
      const index = normalised.indexOf(normaliseHeader(name));
      if (index >= 0 && !taken.has(index)) return index;
    }
    return undefined;
  };

  let best: { preset: ErpPreset; mapping: ColumnMapping; score: number } | undefined;
  for (const preset of ERP_PRESETS) {
    const taken = new Set<number>();
    const mapping: ColumnMapping = {};
    for (const field of OPEN_ITEM_FIELDS) {
      const column = columnOf(preset.columns[field], taken);
      if (column !== undefined) {
        mapping[field] = column;
        taken.add(column);
      }
    }
    const score = Object.keys(mapping).length;
    if (score >= 4 && (!best || score > best.score)) best = { preset, mapping, score };
  }

  const mapping: ColumnMapping = { ...best?.mapping };
  const taken = new Set(Object.values(mapping));
  for (const field of OPEN_ITEM_FIELDS) {
    if (mapping[field] !== undefined) continue;
    const column = columnOf(HEADER_SYNONYMS[field], taken);
    if (column !== undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  // An export with only an amount column: that amount is what is open.
  if (mapping.openAmount === undefined && mapping.amount !== undefined) {
    mapping.openAmount = mapping.amount;
    delete mapping.amount;
  }
  return { mapping, preset: best?.preset };
}

