import { main } from './main.js';

// Entry for running the CLI from source (npm run dev, tests): tsx src/cli/run.ts <command>.
await main(process.argv.slice(2));
