'use strict';
const { humanize } = require('./format');

const uptime = Math.round(process.uptime() * 1000);
console.log(JSON.stringify({
  greeting: 'hello from node-prod-deps',
  timeout: humanize(90 * 60 * 1000),
  nodeEnv: process.env.NODE_ENV || null,
  uid: process.getuid(),
  startedInMs: uptime,
}));
