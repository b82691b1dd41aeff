import { startScoring } from './bootstrap';

startScoring().catch((error) => {
  console.error('scoring failed to start:', error);
  process.exit(1);
});
