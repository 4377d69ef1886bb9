import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as a manifest holds it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: read by tests, checked by the schemas
  spec?: any;
  [field: string]: unknown;
}

// kubernetes-models: validators compiled from the Kubernetes API's OpenAPI schemas (types,
// required fields, enums and formats). Every kind the generated manifests use has one here.
const MODELS: Record<string, new (data: object) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

// The same models' TypeScript interfaces, for `typedSource`.
const INTERFACES: Record<string, [module: string, name: string]> = Object.fromEntries(
  Object.keys(MODELS).map((key) => {
    const kind = key.slice(key.lastIndexOf('/') + 1);
    return [key, [`kubernetes-models/${key}`, `I${kind}`]];
  }),
);

/**
 * TypeScript that assigns each object to its kind's interface. The schemas let unknown fields
 * through (as the API server does); type-checking this reports them, as `kubectl` and
 * kubeconform's strict mode do, so a misspelt field cannot pass unnoticed.
 */
export function typedSource(objects: readonly Manifest[]): string {
  const imports = new Set<string>();
  const declarations = objects.map((object, index) => {
    const [module, name] = INTERFACES[`${object.apiVersion}/${object.kind}`] ?? ['', 'never'];
    if (module) imports.add(`import type { ${name} } from "${module}";`);
    return `export const object${index}: ${name} = ${JSON.stringify(object)};`;
  });
  return [...imports, ...declarations, ''].join('\n');
}

/** The objects of a YAML stream (one or more `---`-separated documents); throws on bad YAML. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as Manifest;
  });
}

/** What the Kubernetes API schema finds wrong with an object; empty when it is valid. */
export function schemaProblems(object: Manifest): string[] {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) return [`no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${object.kind} ${object.metadata?.name}: ${(error as Error).message}`];
  }
}
