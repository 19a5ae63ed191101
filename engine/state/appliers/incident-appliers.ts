import type { Appliers } from './applier';

export const incidentAppliers: Appliers = {
  INCIDENT: {
    CREATED: (state, key, value) => state.incidents.add({ ...value, key }),
    MIGRATED: (state, key, value) => {
      const { sourceProcessDefinitionKey: _definition, sourceElementId: _element, ...incident } = value;
      state.incidents.replace({ ...incident, key });
    },
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
