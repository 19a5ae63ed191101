/**
 * The hash Camunda's exporter keeps beside an incident's message (Java's String.hashCode over UTF-16 code units,
 * 32-bit), so that `incidentErrorHashCode` filters find the same incidents here as on a Camunda 8 cluster.
 */
export function errorHashCode(message: string): number {
  let hash = 0;
  for (let i = 0; i < message.length; i++) hash = (Math.imul(31, hash) + message.charCodeAt(i)) | 0;
  return hash;
}
