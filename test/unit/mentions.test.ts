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

  it('finds a name in Markdown emphasis written with underscores, as with asterisks', () => {
    const draft = 'Talks with _Vladimir Putin_ ran late; __Putin__ left, and *Putin* said nothing.';
    assert.deepEqual(mentions(draft, PUTIN), ['putin:Vladimir Putin@12', 'putin:Putin@40', 'putin:Putin@59']);
  });

  it('is case-sensitive', () => {
    assert.deepEqual(mentions('the kremlin and the Kremlin', [{ entityId: 'kremlin', form: 'Kremlin' }]), ['kremlin:Kremlin@20']);
  });

  it('matches a form across a line break and with a curly apostrophe written straight', () => {
    const draft = 'said Vladimir\nPutin and Russia’s foreign ministry';
    const forms: SurfaceForm[] = [...PUTIN, { entityId: 'mfa', form: "Russia's foreign ministry" }];
    assert.deepEqual(mentions(draft, forms), ['putin:Vladimir\nPutin@5', 'mfa:Russia’s foreign ministry@24']);
  });

  it('finds a form written with a curly apostrophe or a dash, in the draft written either way', () => {
    const forms: SurfaceForm[] = [
      { entityId: 'obrien', form: 'Siobhán O’Brien' },
      { entityId: 'hs2', form: 'London–Birmingham line' },
    ];
    const draft = "Siobhán O'Brien, who runs the London-Birmingham line, met Siobhán O’Brien's deputy.";
    assert.deepEqual(mentions(draft, forms), ["obrien:Siobhán O'Brien@0", 'hs2:London-Birmingham line@30', 'obrien:Siobhán O’Brien@58']);
  });

  it('ends a form that ends in a full stop there, even with no space after it', () => {
    // Pasted copy that lost the space after a full stop: "Inc." is no part of a longer word.
    const draft = 'The contract went to Acme Inc.The firm declined to comment.';
    assert.deepEqual(mentions(draft, [{ entityId: 'acme', form: 'Acme Inc.' }]), ['acme:Acme Inc.@21']);
  });

  it('gives a form that two entities share to the first one listed', () => {
    const forms: SurfaceForm[] = [
      { entityId: 'john-smith', form: 'John Smith' },
      { entityId: 'john-smith', form: 'Smith' },
      { entityId: 'anna-smith', form: 'Anna Smith' },
      { entityId: 'anna-smith', form: 'Smith' },
    ];
    assert.deepEqual(mentions('Anna Smith and John Smith arrived; Smith spoke first.', forms), [
      'anna-smith:Anna Smith@0',
      'john-smith:John Smith@15',
      'john-smith:Smith@35',
    ]);
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
    // An explicit mention that starts at a name's last character leaves the name out too.
    const last = draft.indexOf('Zelensky') + 'Zelensky'.length - 1;
    assert.deepEqual(mentions(draft, forms, [{ start: last, end: last + 6 }]), ['ukraine:Ukrainian@4']);
  });

  it('counts positions in UTF-16 after emoji', () => {
    assert.deepEqual(mentions('😀😀 Kyiv', [{ entityId: 'kyiv', form: 'Kyiv' }]), ['kyiv:Kyiv@5']);
  });

  it('ignores a form that does not start with a letter or digit instead of failing', () => {
    assert.deepEqual(mentions('a #hashtag here', [{ entityId: 'x', form: '#hashtag' }]), []);
  });
});
