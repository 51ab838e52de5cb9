/**
 * Route option for hot lists whose body a view function builds field by field (the staff inbox
 * sends up to 500 dossiers): plain JSON.stringify instead of zod's encode-then-stringify, which
 * cost more CPU than the query itself. The response schema still documents the route, and the
 * route's test checks the body against it (parsing must give back the body unchanged).
 */
export const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
