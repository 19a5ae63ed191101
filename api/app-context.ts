/** What every area's routes and use cases may use: the database, the engine clients and the configuration. */
import type { DomainServices } from '../domain/domain-services';

export interface AppContext extends DomainServices {
  /** The secret login tokens are signed with. */
  authSecret: string;
}
