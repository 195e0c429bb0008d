import { describe, expect, it } from 'vitest';
import { PII_TYPES } from '../../src/security/pii/types.js';
import { PII_TYPE_NAMES } from '../../src/ui/screens/pii-dialog.js';

describe('the PII dialog names every type in words', () => {
  it('has a name in words for each type, never the code with its underscores ("id_number")', () => {
    for (const type of PII_TYPES) {
      const name = PII_TYPE_NAMES[type];
      expect([type, typeof name === 'string' && /^[\w' ]+$/u.test(name) && !name.includes('_')]).toEqual([type, true]);
    }
    expect(PII_TYPE_NAMES.CRYPTO).toBe('crypto wallet address');
    expect(PII_TYPE_NAMES.SECRET).toBe('password or key');
  });
});
