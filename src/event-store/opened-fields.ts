/** The parts of an encrypted field (field-crypto.ts) that identify its ciphertext. */
interface SealedField {
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

/**
 * The plaintexts of personal fields this process recently encrypted or decrypted, so that the
 * readers of one event (the command's own read model, the audit trail, the relay) do not each
 * run AES-GCM again on what was just written. A field is known by its nonce and only answers
 * for exactly the same ciphertext, tag, key id and path: what GCM would have authenticated and
 * decrypted to the same text. Whether the key still exists is not its business: the caller asks
 * the key store first, so an erased subject's fields read as erased as before.
 *
 * At most `max_entries` fields, oldest first out.
 */
export class OpenedFields {
  private readonly byNonce = new Map<string, { kid: string; ct: string; tag: string; path: string; plain: string }>();

  constructor(private readonly max_entries = 10_000) {}

  remember(field: SealedField, path: string, plain: string): void {
    this.byNonce.delete(field.iv);
    this.byNonce.set(field.iv, { kid: field.kid, ct: field.ct, tag: field.tag, path, plain });
    if (this.byNonce.size > this.max_entries) this.byNonce.delete(this.byNonce.keys().next().value as string);
  }

  plaintextOf(field: SealedField, path: string): string | undefined {
    const known = this.byNonce.get(field.iv);
    if (!known || known.kid !== field.kid || known.ct !== field.ct || known.tag !== field.tag || known.path !== path) return undefined;
    return known.plain;
  }

  /** Forgets every field (after an erasure: no plaintext of the erased subject stays here). */
  clear(): void {
    this.byNonce.clear();
  }
}
