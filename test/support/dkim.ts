import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';

/** A fresh DKIM key and a verifier that looks its public key up in a local "DNS". */
export function testDkim(domain = 'magazine.example', selector = 'mh') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  return {
    key: { domain, selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    async verify(raw: Buffer): Promise<string[]> {
      const result = await dkimVerify(raw, {
        resolver: async (name: string, type: string) => {
          if (type === 'TXT' && name === `${selector}._domainkey.${domain}`) return [[record]];
          throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
        },
      } as Parameters<typeof dkimVerify>[1]);
      return result.results.map((r) => r.status.result);
    },
  };
}
