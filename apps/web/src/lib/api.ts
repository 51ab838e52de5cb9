import type { LoginRequest, LoginResponse, Me, Problem } from '@motcua/contracts';

/** A failed API call: the server's problem details, or a synthetic one for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | undefined;

  constructor(status: number, code: string, problem?: Problem) {
    super(problem?.detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

type RequestOptions = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> };

/** Same-origin request with a JSON (or file) body; resolves with the JSON answer, rejects with an ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, headers = {} } = options;
  // A file (Blob) is uploaded as itself, e.g. a PDF to verify; anything else is sent as JSON.
  const isFile = body instanceof Blob;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...headers, ...(body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': isFile ? body.type || 'application/octet-stream' : 'application/json' }) },
      body: body === undefined ? null : isFile ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    // Let aborts through untouched so callers can ignore them.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const data = await readJson(response);
  if (response.ok) return data as T;
  throw isProblem(data) ? new ApiError(response.status, data.code, data) : new ApiError(response.status, `http_${response.status}`);
}

export const api = {
  login: (credentials: LoginRequest) => request<LoginResponse>('/api/v1/auth/login', { method: 'POST', body: credentials }),
  logout: () => request<void>('/api/v1/auth/logout', { method: 'POST' }),
  me: (signal?: AbortSignal) => request<Me>('/api/v1/me', signal ? { signal } : {}),
};

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only on https or localhost pages; centers on a
 * plain-HTTP LAN still have getRandomValues.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
