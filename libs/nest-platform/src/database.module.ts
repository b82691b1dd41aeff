import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { watchPool } from '@idx/event-store';
import { createReadModelClient, type ReadModelClient } from '@idx/read-models';
import { Pool } from 'pg';

/** Injection token of the Prisma read-model client. */
export const READ_MODELS = Symbol('ReadModelClient');

export interface DatabaseOptions {
  readonly databaseUrl: string;
  /** Connections of the pg pool (event store, LISTEN, raw SQL). */
  readonly poolSize: number;
  /** Connections of the Prisma read-model client; 0 = the service needs none. */
  readonly readModelConnections: number;
}

const OPTIONS = Symbol('DatabaseOptions');

@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(@Inject(Pool) private readonly pool: Pool, @Optional() @Inject(READ_MODELS) private readonly prisma?: ReadModelClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma?.$disconnect();
    await this.pool.end();
  }
}

/**
 * The PostgreSQL connections a service needs, closed on shutdown. Options come from a function
 * called when the app is created (not when this module is imported), so configuration is read then.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: () => DatabaseOptions): DynamicModule {
    const readModels = {
      provide: READ_MODELS,
      inject: [OPTIONS],
      useFactory: (o: DatabaseOptions) => (o.readModelConnections > 0 ? createReadModelClient(o.databaseUrl, o.readModelConnections) : undefined),
    };
    return {
      module: DatabaseModule,
      providers: [
        { provide: OPTIONS, useFactory: options },
        { provide: Pool, inject: [OPTIONS], useFactory: (o: DatabaseOptions) => watchPool(new Pool({ connectionString: o.databaseUrl, max: o.poolSize })) },
        readModels,
        ConnectionsCloser,
      ],
      exports: [Pool, READ_MODELS],
    };
  }
}
