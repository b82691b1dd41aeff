import { startReporting } from './bootstrap';

startReporting().catch((error) => {
  console.error('reporting failed to start:', error);
  process.exit(1);
});
