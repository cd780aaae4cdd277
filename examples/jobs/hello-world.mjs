// A job module: metadata for the form, and run(params, ctx) executed in its own process.
export const metadata = {
  name: 'hello-world',
  description: 'Greets someone a few times, on stdout and stderr, to show live logs.',
  fields: [
    { name: 'name', label: 'Who to greet', type: 'string', required: true, default: 'world' },
    { name: 'times', label: 'How many greetings', type: 'integer', default: 3 },
    { name: 'style', label: 'Style', type: 'select', options: ['plain', 'loud'], default: 'plain' },
    { name: 'delay', label: 'Pause between lines (ms)', type: 'integer', default: 200 },
  ],
};

export async function run(params, ctx) {
  const greeting =
    params.style === 'loud'
      ? `HELLO, ${String(params.name).toUpperCase()}!`
      : `Hello, ${params.name}.`;
  for (let i = 1; i <= params.times; i++) {
    ctx.log(`${i}/${params.times} ${greeting}`);
    if (i % 2 === 0) ctx.warn(`(note ${i} on stderr)`);
    await new Promise((resolve) => setTimeout(resolve, params.delay));
  }
  ctx.log('done');
}
