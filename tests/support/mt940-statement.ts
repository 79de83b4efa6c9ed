/** A minimal MT940 statement (SWIFT MT940: :20:, :25:, :28C:, :60F:, lines, :62F:) around the given lines. */
export const mt940Statement = (lines: readonly string[], opening = 'C261122EUR1000,00', closing = 'C261123EUR1000,00') =>
  [':20:STMT-1', ':25:NL91ABNA0417164300', ':28C:7/1', `:60F:${opening}`, ...lines, `:62F:${closing}`, '-'].join('\r\n');
