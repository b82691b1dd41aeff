import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { workspaceRoot } from '../workspace-root';

/** Where the seal key and its companions live, outside the database (docs/tamper-evidence.md). */
export interface SealKeyFiles {
  /** Ed25519 private key, PKCS#8 PEM, mode 0600: only the sealer reads it. */
  readonly privateKeyFile: string;
  /** The matching public key, SPKI PEM: for auditors and the reporting API. */
  readonly publicKeyFile: string;
  /** The newest seal the sealer wrote (seq + head), so a truncated seal table is noticed. */
  readonly witnessFile: string;
}

export const DEFAULT_SEAL_KEY_FILE = '.data/keys/log-seal.ed25519.pem';

/** LOG_SEAL_KEY_FILE, LOG_SEAL_PUBLIC_KEY_FILE, LOG_SEAL_WITNESS_FILE; relative paths are from the checkout. */
export function sealKeyFiles(env: NodeJS.ProcessEnv = process.env): SealKeyFiles {
  const resolve = (p: string) => (isAbsolute(p) ? p : join(workspaceRoot(), p));
  const privateKeyFile = resolve(env['LOG_SEAL_KEY_FILE'] || DEFAULT_SEAL_KEY_FILE);
  const base = privateKeyFile.replace(/\.pem$/, '');
  return {
    privateKeyFile,
    publicKeyFile: resolve(env['LOG_SEAL_PUBLIC_KEY_FILE'] || `${base}.pub.pem`),
    witnessFile: resolve(env['LOG_SEAL_WITNESS_FILE'] || `${base}.witness.json`),
  };
}

export interface SealSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

/** First 16 hex digits of sha256(SPKI DER): names the key a seal was signed with. */
export function sealKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * Reads the sealer's private key, or creates one (mode 0600, its directory 0700) with the public
 * key beside it when the file is absent. A key file others can read is refused: whoever reads it
 * can forge seals.
 */
export function loadOrCreateSealKey(files: SealKeyFiles): SealSigningKey {
  if (!existsSync(files.privateKeyFile)) {
    mkdirSync(dirname(files.privateKeyFile), { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    try {
      writeFileSync(files.privateKeyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      chmodSync(files.privateKeyFile, 0o600);
    } catch (error) {
      // Another instance created it first: use theirs, never overwrite a key seals were signed with.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(files.privateKeyFile).mode & 0o077) !== 0) {
    throw new Error(`${files.privateKeyFile} can be read by others (mode ${(statSync(files.privateKeyFile).mode & 0o777).toString(8)}): chmod 600 it`);
  }
  const privateKey = createPrivateKey(readFileSync(files.privateKeyFile));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${files.privateKeyFile} is not an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  const pem = publicKeyPem(publicKey);
  if (!existsSync(files.publicKeyFile) || readFileSync(files.publicKeyFile, 'utf8') !== pem) {
    mkdirSync(dirname(files.publicKeyFile), { recursive: true });
    const tmp = `${files.publicKeyFile}.${process.pid}.tmp`;
    writeFileSync(tmp, pem, { mode: 0o644 });
    renameSync(tmp, files.publicKeyFile);
  }
  return { privateKey, publicKey, keyId: sealKeyId(publicKey) };
}

/** A public key from a PEM file; a private key file also works (its public half is used). */
export function loadSealPublicKey(file: string): KeyObject {
  const pem = readFileSync(file, 'utf8');
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  return key;
}

/** The public key the reporting service and auditors trust: the public file, else derived from the private one. */
export function findSealPublicKey(files: SealKeyFiles): KeyObject | undefined {
  if (existsSync(files.publicKeyFile)) return loadSealPublicKey(files.publicKeyFile);
  if (existsSync(files.privateKeyFile)) return loadSealPublicKey(files.privateKeyFile);
  return undefined;
}
