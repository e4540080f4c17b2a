'use strict';
const ms = require('ms');

/** Renders a duration in milliseconds the way a human reads it ("2h", "1d"). */
function humanize(millis) {
  return ms(millis, { long: true });
}

module.exports = { humanize };
