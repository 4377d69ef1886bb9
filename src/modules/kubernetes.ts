import type { ModuleDefinition } from './types.js';

/** Kustomize manifests for Kubernetes, built on the project's image. */
export const kubernetes: ModuleDefinition = {
  id: 'kubernetes',
  description:
    'Dockerfile and Kubernetes manifests: kustomize base with dev and prod overlays, probes, HPA, PDB, a migration Job',
  choice: {
    key: 'deploy',
    value: 'kubernetes',
    label: 'Kubernetes',
    hint: 'Dockerfile and kustomize manifests with dev and prod overlays',
  },
  templateFamilies: ['container'],
};
