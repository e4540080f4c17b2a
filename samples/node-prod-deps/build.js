'use strict';
// "Build": copy src/ to dist/ without the tests, as a compiler would emit only shipped code.
const fs = require('fs');
const path = require('path');

fs.rmSync('dist', { recursive: true, force: true });
fs.mkdirSync('dist');
for (const file of fs.readdirSync('src')) {
  if (file.endsWith('.js') && !file.endsWith('.test.js')) {
    fs.copyFileSync(path.join('src', file), path.join('dist', file));
  }
}
console.log('built', fs.readdirSync('dist').join(', '));
