/** Shared documents: layout versions, migrations on open, read-only when a newer app wrote them. */
export { defineDocument, isReadOnly, onReadOnly, openVersioned, readOnlyDocumentCount, ReadOnlyDocumentError, storedVersion, type DocumentKind, type OpenedDocument } from './versions.ts'
export { documentKindFor, keepRootVersioned, keepVersioned, registerDocumentKind, registerRootMigration, rootDocumentKind } from './kinds.ts'
export { bindDocument, documentIdentity, identityOf } from './identity.ts'
