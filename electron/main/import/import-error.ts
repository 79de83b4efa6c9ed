import { KredoError } from '../../../shared/errors/kredo-error';

/**
 * A file Kredo cannot import, with the reason as a key in the `errors` namespace (`import.<code>`) and
 * the file's name among the parameters, so the user reads which file and why in their language.
 */
export class ImportFileError extends KredoError {
  constructor(code: string, params: Record<string, string | number>) {
    super(`import.${code}`, params);
  }
}
