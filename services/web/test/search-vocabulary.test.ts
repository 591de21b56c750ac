import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PETS as CONTRACT_PETS, PROPERTY_TYPES as CONTRACT_TYPES } from '@portfolioos/contracts';
import { PETS, PROPERTY_TYPES } from '../client/search/vocabulary.js';

test('the filters offer only values of the public search vocabulary', () => {
  assert.deepEqual([...PETS].sort(), [...CONTRACT_PETS].sort());
  for (const type of PROPERTY_TYPES) assert.ok(CONTRACT_TYPES.includes(type), `${type} is a property type`);
});
