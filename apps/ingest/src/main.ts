import { startIngest } from './bootstrap';

startIngest().catch((error) => {
  console.error('ingest failed to start:', error);
  process.exit(1);
});
