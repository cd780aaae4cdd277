// A job module written in TypeScript: the job runner strips the types when it loads it
// (no build step); `import type` keeps the import out of the code that runs.
import type { JobContext, JobMetadataSpec } from '@toolbelt/job-runner/job';

/** The parameters the form collects, typed for run(). */
interface Params {
  name: string;
  times: number;
  shout: boolean;
}

export const metadata: JobMetadataSpec = {
  name: 'hello-typescript',
  description: 'Greets someone from a TypeScript job module, on stdout and stderr.',
  fields: [
    { name: 'name', label: 'Who to greet', type: 'string', required: true, default: 'world' },
    { name: 'times', label: 'How many greetings', type: 'integer', default: 2 },
    { name: 'shout', label: 'Shout', type: 'boolean', default: false },
  ],
  timeout: 60,
};

function greeting({ name, shout }: Pick<Params, 'name' | 'shout'>): string {
  return shout ? `HELLO, ${name.toUpperCase()}!` : `Hello, ${name}.`;
}

export async function run(params: Params, ctx: JobContext): Promise<void> {
  for (let i = 1; i <= params.times; i++) ctx.log(`${i}/${params.times} ${greeting(params)}`);
  ctx.warn(`greeted ${params.name} ${params.times} time(s)`);
}
