// Verdicts and evidence on claims. Rules never assign to a claim: they call ctx.judge(), and after the
// stages have run, applyJudgements() gives each claim its evidence (in the order judged) and the
// strongest verdict by one precedence, written here once.
import type { Claim, Evidence } from './types.js';

export type Verdict = NonNullable<Claim['verdict']>;

/** What a rule says about one claim: a verdict, evidence, or both. */
export interface Judgement {
  claimId: string;
  verdict?: Verdict;
  evidence?: Evidence;
}

/** Higher wins: a contradiction beats a verification, which beats a policy failure. */
export const VERDICT_RANK: Readonly<Record<Verdict, number>> = { unverified: 0, 'policy-failed': 1, verified: 2, contradicted: 3 };

/**
 * Applies the judgements to the claims; numeric claims nobody judged are `unverified` (unless
 * `markUnjudged` is false: the stage tests check that a rule gave no verdict).
 */
export function applyJudgements(claims: Claim[], judgements: readonly Judgement[], markUnjudged = true): void {
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const j of judgements) {
    const claim = byId.get(j.claimId);
    if (!claim) continue;
    if (j.evidence) (claim.evidence ??= []).push(j.evidence);
    if (j.verdict && (!claim.verdict || VERDICT_RANK[j.verdict] > VERDICT_RANK[claim.verdict])) claim.verdict = j.verdict;
  }
  if (markUnjudged) for (const c of claims) if (!c.verdict && c.kind === 'numeric') c.verdict = 'unverified';
}
