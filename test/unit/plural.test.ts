// The count in words that hovers, the views and the CLI share.
import { strict as assert } from 'assert';
import { plural } from '../../src/core/plural';

describe('plural', () => {
  it('writes the noun in the singular for exactly one, in the plural otherwise', () => {
    assert.equal(plural(1, 'claim'), '1 claim');
    assert.equal(plural(0, 'claim'), '0 claims');
    assert.equal(plural(2, 'annotated draft'), '2 annotated drafts');
  });
});
