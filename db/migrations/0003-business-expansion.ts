import type { QueryInterface } from 'sequelize';
import {
  Application,
  ApplicationDocument,
  CaseArchive,
  Contract,
  Fee,
  Meter,
  MeteringPoint,
  Payment,
  SupplyScheme,
} from '../business-expansion';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [
  Application,
  ApplicationDocument,
  SupplyScheme,
  Fee,
  Payment,
  Contract,
  MeteringPoint,
  Meter,
  CaseArchive,
];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
