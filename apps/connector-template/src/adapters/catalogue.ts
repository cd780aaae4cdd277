import { isAbsolute, resolve, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConnectorClass, ConnectorKind, Registry } from '@toolbelt/connector';
import { SourceConnector, DestinationConnector, connectorMessages } from '@toolbelt/connector';
import { CsvDestination } from './connectors/csv-destination.js';
import { CsvSource } from './connectors/csv-source.js';
import { HttpJsonSource } from './connectors/http-json-source.js';
import {
  createPostgresDestination,
  type PostgresDestinationDeps,
} from './connectors/postgres-destination.js';

/** Finds the connector class of a job's stage. */
export interface ConnectorCatalogue {
  find(kind: ConnectorKind, id: string): Promise<ConnectorClass>;
}

/**
 * The built-in connectors, plus any registry entry with a `module` (a scaffolded connector
 * package: an ESM file exporting its class as `connector`), resolved from the registry file.
 */
export function createCatalogue(
  registry: Registry,
  registryFile: string | undefined,
  postgres: PostgresDestinationDeps,
): ConnectorCatalogue {
  const builtIn: Record<ConnectorKind, Record<string, ConnectorClass>> = {
    source: { csv: CsvSource, 'http-json': HttpJsonSource },
    destination: { csv: CsvDestination, postgres: createPostgresDestination(postgres) },
  };
  return {
    async find(kind, id) {
      const entry = registry.get(id);
      if (entry?.module) {
        const base = registryFile ? dirname(resolve(registryFile)) : process.cwd();
        const path = isAbsolute(entry.module) ? entry.module : resolve(base, entry.module);
        const loaded = (await import(pathToFileURL(path).href)) as { connector?: ConnectorClass };
        const Class = loaded.connector;
        const Base = kind === 'source' ? SourceConnector : DestinationConnector;
        if (Class && Class.prototype instanceof Base) return Class;
      }
      const Class = builtIn[kind][id];
      if (!Class) throw connectorMessages.error('CONFIG', 'errors.connectorUnknown', { kind, id });
      return Class;
    },
  };
}
