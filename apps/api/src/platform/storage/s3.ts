import { AwsClient } from 'aws4fetch';
import { assertSafeKey, sha256Hex, storageFailure, type FileStorage } from './storage.ts';

export type S3Settings = { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

/** S3-compatible object storage (MinIO, Ceph, AWS) with path-style addressing and SigV4 signing. */
export function s3Storage(s: S3Settings): FileStorage {
  const client = new AwsClient({ accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, region: s.region, service: 's3', retries: 3 });
  const url = (key: string) => {
    assertSafeKey(key);
    return `${s.endpoint.replace(/\/$/, '')}/${encodeURIComponent(s.bucket)}/${key}`;
  };
  return {
    async put(key, data, contentType) {
      const res = await client.fetch(url(key), { method: 'PUT', body: data, headers: { 'content-type': contentType } }).catch((err: unknown) => {
        throw Object.assign(storageFailure(err), { cause: err });
      });
      if (!res.ok) throw Object.assign(storageFailure(null), { cause: new Error(`s3 put ${key}: HTTP ${res.status}`) });
      return { key, size: data.byteLength, sha256: sha256Hex(data) };
    },
    async get(key) {
      const res = await client.fetch(url(key));
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`s3 get ${key}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await client.fetch(url(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new Error(`s3 delete ${key}: HTTP ${res.status}`);
    },
  };
}
