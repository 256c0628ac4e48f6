/** Typed record collections over shared documents (see collection.ts). */
export { anonymously, collection, defineCollection, ForeignRecordError, documentStats, GAP_PATIENCE_MS, rekeyLegacyOrders, RECORD_LIMITS, resealOwnRecords, sealsChecked, type AnonymousWrites, type Collection, type CollectionDef, type Fields, type Position, type Rec } from './collection.ts'
export { useForgeries, useRecord, useRecords } from './hooks.ts'
export { compareOrder, inOrder, Order, type StoredOrder } from '@shared/collections/order.ts'
export { forgeries, SEAL_FIELD, setSigner, watchForgeries, type SignedBy } from './signing.ts'
