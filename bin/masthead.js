#!/usr/bin/env node
// The CLI as `npm run build` bundles it (scripts/bundle-server.ts): a few files to load, not a thousand.
import '../dist/bundle/masthead.js';
