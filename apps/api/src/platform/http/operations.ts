/** A signed-in caller: the session cookie in the browser, or the same token as a bearer header from scripts. */
const signedIn: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

type Operation = { operationId: string; summary: string; response: object };

/**
 * Describes a group of routes for signed-in users in OpenAPI: each route gets the group's tag, the
 * sign-in schemes and the problems any route of the group may answer, so it states only its own
 * id, summary, inputs and success response.
 */
export function signedInOperations<P extends object>(tag: string, problems: P) {
  return <S extends Operation>(schema: S) => ({ ...schema, tags: [tag], security: signedIn, response: { ...schema.response, ...problems } });
}
