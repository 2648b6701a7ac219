import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createPlatformRepoProposeAction } from './proposeAction';

const TEMPLATES = path.resolve(__dirname, '../../../../../templates');

type Step = { id: string; action: string; input?: Record<string, unknown> };

/** The propose steps of a list of steps, each with the step whose render record it passes. */
function proposeSteps(steps: Step[]) {
  return steps
    .filter(step => step.action === 'fleet:platform-repo:propose')
    .map(step => {
      const from = /^\$\{\{ steps\.([\w-]+)\.output\.integrity \}\}$/.exec(
        String(step.input?.integrity ?? ''),
      )?.[1];
      return { step, render: steps.find(s => s.id === from) };
    });
}

/** Actions that read, check and commit in one step (their own proposal), without propose. */
const SELF_COMMITTING = ['fleet:cluster:retire', 'fleet:rollout:promote'];

function readsAndCommitsItself(dir: string): boolean {
  const file = path.join(TEMPLATES, dir, 'template.yaml');
  if (!fs.existsSync(file)) {
    return false; // the wiring test below reports it
  }
  const template = parse(fs.readFileSync(file, 'utf8'));
  return (template.spec.steps as Step[]).some(step =>
    SELF_COMMITTING.includes(step.action),
  );
}

describe('wiring of fleet:platform-repo:propose', () => {
  it.each(fs.readdirSync(TEMPLATES).filter(d => !readsAndCommitsItself(d)))(
    'templates/%s passes the render record of a fleet render step to propose',
    dir => {
      const template = parse(
        fs.readFileSync(path.join(TEMPLATES, dir, 'template.yaml'), 'utf8'),
      );
      const wired = proposeSteps(template.spec.steps);
      expect(wired.length).toBeGreaterThan(0);
      for (const { step, render } of wired) {
        expect(render?.action).toMatch(
          /^fleet:(namespace|cluster):render$|^fleet:namespace:(change|decommission)$/,
        );
        // the files come from the same render step
        expect(step.input?.files).toBe(
          `\${{ steps.${render!.id}.output.files }}`,
        );
      }
    },
  );

  it('shows the render record in every example of the action', () => {
    const action = createPlatformRepoProposeAction({} as any);
    expect(action.examples?.length).toBeGreaterThan(0);
    for (const example of action.examples ?? []) {
      const steps: Step[] = parse(example.example).steps;
      const wired = proposeSteps(steps);
      expect(wired).toHaveLength(1);
      expect(wired[0].step.input?.integrity).toBe(
        '${{ steps.render.output.integrity }}',
      );
      expect(wired[0].step.input?.files).toBe(
        '${{ steps.render.output.files }}',
      );
    }
  });
});
