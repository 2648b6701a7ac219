import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { clusterPipeline } from './clusterPipeline';
import { namespacePipeline } from './namespacePipeline';
import { rolloutPipeline } from './rolloutPipeline';
import type { Pipeline, StepOutputs } from './pipeline';

// The request actions run the steps of the templates in code. These tests read the templates and
// check that each pipeline runs the same actions, in the same order, with the same inputs: a
// template that changes (a step added, an input renamed or added) fails here until the pipeline
// follows it.

const TEMPLATES = path.resolve(__dirname, '../../../../../templates');

type TemplateStep = { id: string; action: string; input: unknown };

function templateSteps(name: string): TemplateStep[] {
  const template = parse(
    fs.readFileSync(path.join(TEMPLATES, name, 'template.yaml'), 'utf8'),
  );
  return template.spec.steps;
}

/** Step outputs that name themselves: `steps.render.output.files` is `<render.files>`. */
function namedOutputs(): StepOutputs {
  return new Proxy(
    {},
    {
      get: (_, step: string) =>
        new Proxy({}, { get: (__, name: string) => `<${step}.${name}>` }),
    },
  ) as StepOutputs;
}

/**
 * A template's step input with its `${{ … }}` expressions resolved against the parameters and
 * the named outputs; only plain paths are supported, which is all the steps use.
 */
function resolve(value: unknown, parameters: object): unknown {
  if (typeof value === 'string') {
    const match = /^\$\{\{\s*([\w.]+)\s*\}\}$/.exec(value);
    if (!match) {
      if (value.includes('${{')) {
        throw new Error(`Unsupported template expression: ${value}`);
      }
      return value;
    }
    const [root, ...rest] = match[1].split('.');
    if (root === 'parameters') {
      return rest.reduce<any>((v, key) => v?.[key], parameters);
    }
    if (root === 'steps' && rest[1] === 'output' && rest.length === 3) {
      return `<${rest[0]}.${rest[2]}>`;
    }
    throw new Error(`Unsupported template expression: ${value}`);
  }
  if (Array.isArray(value)) {
    return value.map(item => resolve(item, parameters));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolve(v, parameters)]),
    );
  }
  return value;
}

/** As the scaffolder passes it: a parameter that was not given leaves its key out. */
function withoutUndefined(value: unknown) {
  return JSON.parse(JSON.stringify(value));
}

/** Each step's id, action and input: as the template resolves them, and as the pipeline builds them. */
function stepsOf<P extends object>(
  template: string,
  pipeline: Pipeline<P>,
  parameters: P,
) {
  const outputs = namedOutputs();
  return {
    template: templateSteps(template).map(step => ({
      id: step.id,
      action: step.action,
      input: withoutUndefined(resolve(step.input, parameters)),
    })),
    pipeline: pipeline.map(step => ({
      id: step.id,
      action: step.action,
      input: withoutUndefined(step.input(parameters, outputs)),
    })),
  };
}

describe('the request pipelines follow the templates', () => {
  it('tenant-namespace', () => {
    const { template, pipeline } = stepsOf(
      'tenant-namespace',
      namespacePipeline,
      {
        cluster: 'resource:default/stg-euw1-checkout-01',
        namespace: 'checkout-search',
        team: 'group:default/team-checkout',
        costCenter: 'cc-4711',
        description: 'Checkout search',
        quota: { 'requests.cpu': '2' },
        roles: ['edit'],
        reason: 'A namespace for the checkout search service',
      },
    );
    expect(pipeline).toEqual(template);
  });

  it('new-cluster', () => {
    const { template, pipeline } = stepsOf('new-cluster', clusterPipeline, {
      name: 'edg-ber03-store-01',
      profile: 'clusterprofile:default/edge',
      profileVersion: '1.3.0',
      owner: 'group:default/team-checkout',
      purpose: 'Point of sale',
      description: 'Edge store cluster, Berlin 03',
      environment: 'edge',
      environmentGroup: 'far-edge',
      region: 'eu-central-1',
      site: 'ber03',
      controlPlaneNodes: 1,
      workerNodes: 0,
      cidrs: { podCidr: '172.16.4.0/22', serviceCidr: '172.24.1.0/24' },
      nodeCidr: '10.50.3.0/24',
      lifetimeClass: 'long-lived',
      reviewBy: '2027-06-30',
      retireBy: undefined,
    });
    expect(pipeline).toEqual(template);
  });

  it('promote-rollout', () => {
    const { template, pipeline } = stepsOf('promote-rollout', rolloutPipeline, {
      profile: 'clusterprofile:default/production',
      wave: 'production-east',
      reason: 'CHG-4711',
    });
    expect(pipeline).toEqual(template);
  });
});
