'use strict';
const test = require('node:test');
const assert = require('node:assert');
// A devDependency: present in the builder, absent from the runtime image.
const isNumber = require('is-number');
const { humanize } = require('./format');

test('humanize renders hours', () => {
  assert.strictEqual(humanize(2 * 60 * 60 * 1000), '2 hours');
});

test('is-number is only a dev dependency', () => {
  assert.ok(isNumber('42'));
});
