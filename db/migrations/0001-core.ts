import type { QueryInterface } from 'sequelize';
import { Account, Bill, Customer } from '../core/customer-models';
import { Notification } from '../core/notification-models';
import { NumberSequence } from '../core/sequence-models';
import { Group, Role, User } from '../core/user-models';
import { createTablesFor, dropTablesFor } from '../migration-kit';

const models = [User, Role, Group, Customer, Account, Bill, Notification, NumberSequence];

export const up = (queryInterface: QueryInterface) => createTablesFor(queryInterface, models);
export const down = (queryInterface: QueryInterface) => dropTablesFor(queryInterface, models);
