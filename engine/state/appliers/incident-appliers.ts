import type { Appliers } from './applier';

export const incidentAppliers: Appliers = {
  INCIDENT: {
    CREATED: (state, key, value) => state.incidents.add({ ...value, key }),
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
