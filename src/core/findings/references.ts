// Ids that point nowhere: unknown claim types and entities.
import type { Analysis } from '../analysis';
import { closestMatches } from '../closest';
import { makeFinding } from '../findingFactory';
import { ID_PATTERN, type Claim, type Finding } from '../model';

/** What ids look like, said where a malformed one is reported: here, once. */
const ID_FORM = "Entity ids are lowercase letters, digits, '-' and '_', starting with a letter or digit.";

export function referenceFindings(analysis: Analysis): Finding[] {
  const findings: Finding[] = [];
  const file = analysis.annotations.file;
  for (const { claim } of analysis.claims) {
    if (claim.typeLocation && claim.type !== '' && !analysis.claimTypes.has(claim.type)) {
      const suggestion = closestMatches(claim.type, analysis.claimTypes.keys(), 1);
      const hint = suggestion.length > 0 ? ` Did you mean '${suggestion[0]}'?` : ` Known types: ${[...analysis.claimTypes.keys()].join(', ')}.`;
      findings.push(
        makeFinding('unknown-claim-type', `Unknown claim type '${claim.type}'.${hint} New types are declared under \`claimTypes\`.`, file, claim.typeLocation.range, {
          ...claimData(claim),
          value: claim.type,
          candidateEntityIds: suggestion,
        }),
      );
    }
    for (const source of claim.sources) {
      // An empty id is the schema's to report (invalid-annotation): there is no name to look up.
      if (source.id === '' || analysis.entities.has(source.id)) continue;
      const suggestions = closestMatches(source.id, analysis.entities.keys());
      const hint = suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ID_PATTERN.test(source.id) ? '' : ` ${ID_FORM}`;
      findings.push(
        makeFinding('unknown-entity', `No entity has the id '${source.id}'.${hint}`, source.location.file, source.location.range, {
          ...claimData(claim),
          value: source.id,
          candidateEntityIds: suggestions,
        }),
      );
    }
  }
  return findings;
}

/** What every finding about a claim carries; made only for a finding (most claims have none). */
function claimData(claim: Claim): { claimId: string; claimIndex: number } {
  return { claimId: claim.id, claimIndex: claim.index };
}

