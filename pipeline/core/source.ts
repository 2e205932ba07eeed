// Where a claim's source is recorded. A quotation or an attribution claim carries its own
// `attribution`; a figure carries none and points to the claim its source comes from
// (`attributionId`, with `attributionInherited` when that claim is in an earlier sentence of the
// paragraph). Every consumer reads the source through these two functions, never a copy.
import type { Attribution, Claim } from './schema-types.js';

/** The claims of one article by id, for sourceOf. */
export function claimsById<C extends Pick<Claim, 'id'>>(claims: readonly C[]): Map<string, C> {
  const m = new Map<string, C>();
  for (const c of claims) m.set(c.id, c);
  return m;
}

type Sourced = Pick<Claim, 'attribution' | 'attributionId'>;

/** The claim that holds a claim's attribution: the claim itself, or the one its `attributionId` names. */
export function sourceRecordOf<C extends Sourced>(claim: C, byId: ReadonlyMap<string, C>): C | undefined {
  if (claim.attribution) return claim;
  if (!claim.attributionId) return undefined;
  const r = byId.get(claim.attributionId);
  return r?.attribution ? r : undefined;
}

/** A claim's source: its own attribution, or that of the claim its `attributionId` names. */
export function sourceOf<C extends Sourced>(claim: C, byId: ReadonlyMap<string, C>): Attribution | undefined {
  return sourceRecordOf(claim, byId)?.attribution;
}
