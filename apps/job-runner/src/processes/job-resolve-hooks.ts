/**
 * Module resolution hooks for job modules: a job in any folder may import `@toolbelt/*`
 * packages (`@toolbelt/etl`, `@toolbelt/schoology`) without installing them next to itself;
 * such imports that fail from the job's folder are resolved from the job runner's own
 * package instead. TypeScript files outside node_modules are ES modules, like `.mjs` jobs,
 * whatever the `"type"` of the package around them (or none): a job dropped into any folder
 * keeps its `import`s, its top-level `await` and these hooks.
 */
interface ResolveContext {
  parentURL?: string;
  conditions: string[];
}
interface Resolved {
  url: string;
  format?: string | null;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<Resolved>;

const typeScriptSource = /\.m?ts$/;
const declarationFile = /\.d\.m?ts$/;

function asJobModule(resolved: Resolved): Resolved {
  const { url } = resolved;
  if (
    url.startsWith('file:') &&
    typeScriptSource.test(url) &&
    !declarationFile.test(url) &&
    !url.includes('/node_modules/')
  )
    return { ...resolved, format: 'module' };
  return resolved;
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  next: NextResolve,
): Promise<Resolved> {
  try {
    return asJobModule(await next(specifier, context));
  } catch (error) {
    if (!specifier.startsWith('@toolbelt/')) throw error;
    return next(specifier, { ...context, parentURL: import.meta.url });
  }
}
