// Preloaded by `npm start` into each service: the services run in their own process groups (so a
// Ctrl-C reaches only the launcher, which stops them in order), so they must not outlive a launcher
// that was killed outright. Its end of our stdin closes when it dies: stop as on SIGTERM then.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
