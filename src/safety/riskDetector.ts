// Safety first: which kinds of immediate risk a message suggests, read with the signs the built
// knowledge carries, with the weights fitted on the tuning messages. One model per knowledge build,
// made on first use.
import type { BuiltRisk } from '../knowledge/builtKnowledge';
import type { RiskSignsData } from '../knowledge/riskSigns';
import { RiskModel, type RiskAssessment } from './riskModel';

export { RISK_KINDS, type RiskKind } from '../knowledge/riskSigns';
export type { RiskAssessment } from './riskModel';

const models = new WeakMap<RiskSignsData, RiskModel>();

export function riskModelFor(risk: BuiltRisk): RiskModel {
  let model = models.get(risk.signs);
  if (!model) {
    model = new RiskModel(risk.signs, risk.notTypos, risk.weights);
    models.set(risk.signs, model);
  }
  return model;
}

export function assessRisk(risk: BuiltRisk, text: string): RiskAssessment {
  return riskModelFor(risk).assess(text);
}
