export default async function globalTeardown() {
  await globalThis.__QD766_PG__?.stop();
}
