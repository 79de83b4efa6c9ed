import { useId } from 'react';
import type { StoredDebtor } from '../data/db/schema';

/** Debtors listed at most: a search narrows a store of thousands to a few, and a longer list is not read. */
export const SHOWN_DEBTORS = 20;

/** The needle a debtor search compares with: trimmed, lower case (empty when nothing is typed). */
export const searchNeedle = (query: string) => query.trim().toLowerCase();

/** A debtor's name or customer code contains the needle. */
export const nameOrCodeMatches = (debtor: StoredDebtor, needle: string) => debtor.name.toLowerCase().includes(needle) || debtor.customerCode.toLowerCase().includes(needle);

/**
 * Choosing one debtor in a dialog (merging debtors, assigning a payment): a search field and the debtors
 * as radio buttons with their customer codes. Which debtors are shown — suggestions while nothing is
 * typed, matches once it is — is the caller's, as are the texts.
 */
export function DebtorChoice(props: {
  readonly searchLabel: string;
  readonly legend: string;
  readonly emptyText: string;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly shown: readonly StoredDebtor[];
  readonly chosenId: string | undefined;
  readonly onChoose: (debtor: StoredDebtor) => void;
}) {
  const id = useId();
  return (
    <>
      <label className="mapping-row">
        <span>{props.searchLabel}</span>
        <input type="text" value={props.query} onChange={(event) => props.onQuery(event.target.value)} />
      </label>
      <fieldset className="choice-list">
        <legend>{props.legend}</legend>
        {props.shown.length === 0 ? <p className="note">{props.emptyText}</p> : null}
        {props.shown.map((candidate) => (
          <label key={candidate.id} className="radio-option">
            <input type="radio" name={`${id}-debtor`} checked={candidate.id === props.chosenId} onChange={() => props.onChoose(candidate)} />
            {candidate.name} <span className="note">{candidate.customerCode}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
