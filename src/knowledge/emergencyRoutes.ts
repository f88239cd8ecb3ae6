// knowledge/emergency-routes.json names, for each kind of risk, which directory numbers the
// emergency card shows first. Every number is checked against its service record here, at build
// time, so what staff see always carries that record's source and date.
import { readKnowledgeJson } from './validation';
import { RISK_KINDS, type RiskKind } from './riskSigns';
import type { ServiceRecord } from './types';

export interface EmergencyRoute {
  id: string;
  serviceId: string;
  number: string;
  label: string;
  use: string;
}

export interface EmergencyRoutes {
  routes: EmergencyRoute[];
  risks: Record<RiskKind, string[]>;
}

export function loadEmergencyRoutes(file: string, services: ServiceRecord[]): EmergencyRoutes {
  const data = readKnowledgeJson(file) as EmergencyRoutes;
  const byId = new Map(services.map((s) => [s.id, s]));
  if (!Array.isArray(data.routes) || !data.risks) throw new Error(`${file}: needs "routes" and "risks"`);
  data.routes.forEach((route, i) => {
    const where = `${file}: field routes/${i}`;
    for (const key of ['id', 'serviceId', 'number', 'label', 'use'] as const) {
      if (typeof route[key] !== 'string' || !route[key].trim()) throw new Error(`${where}/${key} must be text`);
    }
    const service = byId.get(route.serviceId);
    if (!service) throw new Error(`${where}/serviceId "${route.serviceId}" is not in services.json`);
    if (!(service.phones ?? []).some((p) => p.number === route.number)) {
      throw new Error(`${where}/number "${route.number}" is not one of ${route.serviceId}'s phone numbers`);
    }
  });
  const ids = new Set(data.routes.map((r) => r.id));
  for (const kind of RISK_KINDS) {
    const list = data.risks[kind];
    if (!Array.isArray(list) || list.length === 0) throw new Error(`${file}: field risks/${kind} must list routes`);
    for (const id of list) if (!ids.has(id)) throw new Error(`${file}: field risks/${kind} names unknown route "${id}"`);
  }
  return data;
}
