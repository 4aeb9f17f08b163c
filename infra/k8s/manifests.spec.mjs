import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const DIR = new URL('.', import.meta.url).pathname;

/** Every object of every manifest here, with the file it came from. */
function manifests() {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(fs.readFileSync(path.join(DIR, file), 'utf8')).map((doc) => {
        if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
        return { file, object: doc.toJS() };
      }),
    );
}

/** The Kubernetes API schema of the object's kind (kubernetes-models). */
async function model({ apiVersion, kind }) {
  const group = await import(`kubernetes-models/${apiVersion}`);
  if (!group[kind]) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return group[kind];
}

const all = manifests();
// kustomize's own file is read by kubectl, not sent to the API server.
const objects = all.filter((m) => !m.object.apiVersion.startsWith('kustomize.config.k8s.io/'));
const of = (kind, name) =>
  all.find((m) => m.object.kind === kind && m.object.metadata?.name === name)?.object;
const env = (container, name) => container.env?.find((e) => e.name === name)?.value;

describe('the Kubernetes manifests (infra/k8s)', () => {
  it.each(objects.map((m) => [m.file, m.object.kind, m.object.metadata.name, m.object]))(
    '%s: %s %s is valid against the Kubernetes API schema',
    async (_file, _kind, _name, object) => {
      const Model = await model(object);
      expect(() => new Model(object).validate()).not.toThrow();
    },
  );

  it('would catch a manifest the API server refuses', async () => {
    const server = structuredClone(of('Deployment', 'muster-server'));
    server.spec.template.spec.containers[0].ports[0].containerPort = 'three thousand';
    const Deployment = await model(server);
    expect(() => new Deployment(server).validate()).toThrow(/containerPort must be integer/);
  });

  it('applies every manifest but the example secret through kustomization.yaml', () => {
    const listed = all.find((m) => m.file === 'kustomization.yaml').object;
    const files = [...new Set(all.map((m) => m.file))].filter(
      (f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml',
    );
    expect([...listed.resources].sort()).toEqual(files.sort());
  });

  it.each([
    ['muster-server', 'WEB_CONCURRENCY'],
    ['muster-worker', 'WORKER_CONCURRENCY'],
  ])(
    '%s runs one process per requested core, has a disruption budget and an autoscaler',
    (name, variable) => {
      const deployment = of('Deployment', name);
      const [container] = deployment.spec.template.spec.containers;
      expect(Number(env(container, variable))).toBe(Number(container.resources.requests.cpu));
      // The autoscaler owns the count: a replicas field would reset it on every apply.
      expect(deployment.spec.replicas).toBeUndefined();

      const labels = deployment.spec.template.metadata.labels;
      const budget = of('PodDisruptionBudget', name);
      expect(labels).toMatchObject(budget.spec.selector.matchLabels);
      expect(budget.spec.maxUnavailable ?? 0).toBeGreaterThan(0);
      const autoscaler = of('HorizontalPodAutoscaler', name);
      expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
    },
  );

  it('takes a stopping server out of its endpoints before it closes, within the grace Kubernetes gives', () => {
    const pod = of('Deployment', 'muster-server').spec.template.spec;
    const [container] = pod.containers;
    const delay = Number(env(container, 'SHUTDOWN_DELAY_SECONDS'));
    const probe = container.readinessProbe;
    expect(probe.httpGet.path).toBe('/health');
    // Readiness fails within the delay, while the server still serves.
    expect(probe.periodSeconds * probe.failureThreshold).toBeLessThanOrEqual(delay);
    // The delay, up to 10 s for requests under way (server/src/shutdown.ts), and closing.
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(delay + 10 + 5);
  });
});
