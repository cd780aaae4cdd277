/**
 * Module resolution hooks for job modules: a job in any folder may import `@toolbelt/*`
 * packages (the ETL helper, the Schoology client) without installing them next to itself;
 * such imports that fail from the job's folder are resolved from the job runner's own
 * package instead.
 */
interface ResolveContext {
  parentURL?: string;
  conditions: string[];
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;

export async function resolve(
  specifier: string,
  context: ResolveContext,
  next: NextResolve,
): Promise<{ url: string }> {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.startsWith('@toolbelt/')) throw error;
    return next(specifier, { ...context, parentURL: import.meta.url });
  }
}
