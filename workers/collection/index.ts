/** The collection (电费收缴、欠费) job workers. */
export { collectionWorkers } from './arrears-workers';
