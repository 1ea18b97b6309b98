import { strict as assert } from 'assert';
import { DraftText } from '../../src/core/anchor';
import { findAutomaticMentions, type SurfaceForm } from '../../src/core/mentions';

function mentions(draft: string, forms: SurfaceForm[], occupied: Array<{ start: number; end: number }> = []): string[] {
  return findAutomaticMentions(new DraftText(draft), forms, occupied).map(
    (mention) => `${mention.entityId}:${draft.slice(mention.range.start, mention.range.end)}@${mention.range.start}`,
  );
}

const PUTIN: SurfaceForm[] = [
  { entityId: 'putin', form: 'Vladimir Putin' },
  { entityId: 'putin', form: 'Putin' },
];

describe('automatic mentions', () => {
  it('finds names and aliases as whole words, longest first, without overlaps', () => {
    const draft = 'Russian President Vladimir Putin met Witkoff. Putin’s talks; Putinism is not Putin.';
    assert.deepEqual(mentions(draft, PUTIN), ['putin:Vladimir Putin@18', 'putin:Putin@46', 'putin:Putin@77']);
  });

  it('is case-sensitive', () => {
    assert.deepEqual(mentions('the kremlin and the Kremlin', [{ entityId: 'kremlin', form: 'Kremlin' }]), ['kremlin:Kremlin@20']);
  });

  it('matches a form across a line break and with a curly apostrophe written straight', () => {
    const draft = 'said Vladimir\nPutin and Russia’s foreign ministry';
    const forms: SurfaceForm[] = [...PUTIN, { entityId: 'mfa', form: "Russia's foreign ministry" }];
    assert.deepEqual(mentions(draft, forms), ['putin:Vladimir\nPutin@5', 'mfa:Russia’s foreign ministry@24']);
  });

  it('prefers the longer form of another entity that starts at the same word', () => {
    const forms: SurfaceForm[] = [
      { entityId: 'russia', form: 'Russia' },
      { entityId: 'mfa', form: 'Russian Foreign Ministry' },
      { entityId: 'lavrov', form: 'Sergei Lavrov' },
    ];
    assert.deepEqual(mentions('Russia and the Russian Foreign Ministry of Russia', forms), ['russia:Russia@0', 'mfa:Russian Foreign Ministry@15', 'russia:Russia@43']);
  });

  it('leaves out places already taken by an explicit mention', () => {
    const draft = 'The Ukrainian leader Zelensky said.';
    const forms: SurfaceForm[] = [{ entityId: 'ukraine', form: 'Ukrainian' }, { entityId: 'zelensky', form: 'Zelensky' }];
    assert.deepEqual(mentions(draft, forms, [{ start: 0, end: 20 }]), ['zelensky:Zelensky@21']);
  });

  it('counts positions in UTF-16 after emoji', () => {
    assert.deepEqual(mentions('😀😀 Kyiv', [{ entityId: 'kyiv', form: 'Kyiv' }]), ['kyiv:Kyiv@5']);
  });

  it('ignores a form that does not start with a letter or digit instead of failing', () => {
    assert.deepEqual(mentions('a #hashtag here', [{ entityId: 'x', form: '#hashtag' }]), []);
  });
});
