import type { QueryInterface } from 'sequelize';
import { AccountChange, ChangeApplication, ChangeContract } from '../change-of-use/change-of-use-models';
import { ChangeExtension, ChangePayment } from '../change-of-use/customer-action-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [ChangeApplication, AccountChange, ChangeContract, ChangePayment, ChangeExtension];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
