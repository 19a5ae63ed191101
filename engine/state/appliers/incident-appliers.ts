import type { Incident } from '../entities';
import type { ApplierTable } from './applier-registry';

export const incidentAppliers: Record<string, ApplierTable> = {
  INCIDENT: {
    CREATED: (state, key, value) => state.incidents.add({ ...(value as unknown as Incident), key }),
    RESOLVED: (state, key) => {
      const incident = state.incidents.get(key);
      state.incidents.remove(key);
      // A job's incident blocks the job; once resolved, it can be activated again.
      const job = incident?.jobKey ? state.jobs.get(incident.jobKey) : undefined;
      if (job && (job.state === 'FAILED' || job.state === 'ERROR_THROWN')) {
        state.jobs.put({ ...job, state: 'ACTIVATABLE', recurringAt: 0 });
      }
    },
  },
};
