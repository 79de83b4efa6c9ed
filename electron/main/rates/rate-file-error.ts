import { KredoError } from '../../../shared/errors/kredo-error';

/**
 * A rates file Kredo will not take, with the reason as a key in the `errors` namespace (`rates.<code>`)
 * and the file's name among the parameters. A rates file is taken whole or not at all: half a central
 * bank's table would convert some days and not others without anyone noticing.
 */
export class RateFileError extends KredoError {
  constructor(code: string, params: Record<string, string | number>) {
    super(`rates.${code}`, params);
  }
}
