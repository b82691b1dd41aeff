// The data-access core every read-model lib builds on: the Prisma client over the read-model
// tables, its generated types, and the migrations that bring a database to the current schema.
export * from './prisma-client';
export * from './migrations';
export type { Prisma } from './generated/prisma/client';
