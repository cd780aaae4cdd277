import { createPgliteDatabase, inMemory } from '../src/index.js';
import { databaseContract } from './contract.js';

databaseContract('PGlite in memory', () => createPgliteDatabase(inMemory));
