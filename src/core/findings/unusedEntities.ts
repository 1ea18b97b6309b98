// Entities of the article's own file that the draft never mentions and no claim cites.
import type { Analysis } from '../analysis';
import { makeFinding } from '../findingFactory';
import type { Finding } from '../model';

export function unusedEntityFindings(analysis: Analysis): Finding[] {
  const used = new Set<string>(analysis.mentions.map((mention) => mention.entityId));
  for (const { claim } of analysis.claims) for (const source of claim.sources) used.add(source.id);
  return analysis.annotations.entities
    .filter((entity) => !used.has(entity.id))
    .map((entity) =>
      makeFinding('unused-entity', `'${entity.name}' is never mentioned in the draft and sources no claim`, entity.keyLocation.file, entity.keyLocation.range, {
        entityId: entity.id,
      }),
    );
}
