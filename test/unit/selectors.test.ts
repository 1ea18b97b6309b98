import { strict as assert } from 'assert';
import { DraftText } from '../../src/core/anchor';
import { describeSpan } from '../../src/core/selectors';

/** Describes the nth occurrence of `words` and checks the selector finds exactly that span again. */
function describeNth(draftText: string, words: string, nth: number) {
  let start = -1;
  for (let i = 0; i < nth; i++) start = draftText.indexOf(words, start + 1);
  const range = { start, end: start + words.length };
  const draft = new DraftText(draftText);
  const selector = describeSpan(draft, range);
  const found = draft.anchor(selector);
  assert.equal(found.kind, 'found');
  if (found.kind === 'found') {
    assert.deepEqual(found.range, range);
    assert.equal(found.candidates, 1, 'the selector must be unique');
  }
  return selector;
}

describe('writing a minimal selector', () => {
  it('is the text alone when the text is unique', () => {
    assert.deepEqual(describeNth('Kyiv has not commented.', 'has not commented', 1), { text: 'has not commented' });
  });

  it('adds the shortest context, widened to whole words, when the text repeats', () => {
    const draft = 'Trump said yes on Monday. Zelensky said no on Tuesday. Trump said no again.';
    const second = describeNth(draft, 'said no', 1);
    assert.deepEqual(second, { text: 'said no', prefix: 'Zelensky ', suffix: ' on' });
    const third = describeNth(draft, 'said no', 2);
    assert.deepEqual(third, { text: 'said no', prefix: 'Trump ', suffix: ' again' });
  });

  it('uses context on one side only when the other side runs out', () => {
    const selector = describeNth('stop. stop. stop', 'stop', 3);
    assert.equal(selector.suffix ?? '', '');
    assert.ok(selector.prefix && selector.prefix.length > 0);
  });

  it('keeps the draft\'s own characters (curly quotes) in the context', () => {
    const draft = 'Putin’s talks began. Later, Witkoff’s talks began.';
    const selector = describeNth(draft, 'talks began', 2);
    assert.equal(selector.prefix, 'Witkoff’s ');
  });
});
