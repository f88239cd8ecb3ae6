// The emergency card's routes for the kinds of risk found: the directory numbers that
// knowledge/emergency-routes.json puts first, each with its service record's name and date.
import type { EmergencyRoute, EmergencyRoutes } from '../knowledge/emergencyRoutes';
import type { RiskKind } from '../knowledge/riskSigns';
import type { ServiceRecord } from '../knowledge/types';

export interface ResolvedRoute {
  /** The directory record the route's number comes from. */
  serviceId: string;
  label: string;
  number: string;
  use: string;
  serviceName: string;
  asOf: string;
}

/** The routes for these risks, in order, without repeats; at most `max`. */
export function routesFor(kinds: RiskKind[], data: EmergencyRoutes, services: readonly ServiceRecord[], max = 6): ResolvedRoute[] {
  const byId = new Map(data.routes.map((r) => [r.id, r]));
  const servicesById = new Map(services.map((s) => [s.id, s]));
  const ids = [...new Set(kinds.flatMap((k) => data.risks[k]))].slice(0, max);
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is EmergencyRoute => r !== undefined)
    .map((r) => {
      const service = servicesById.get(r.serviceId);
      return { serviceId: r.serviceId, label: r.label, number: r.number, use: r.use, serviceName: service?.name ?? r.label, asOf: service?.as_of ?? 'undated' };
    });
}
