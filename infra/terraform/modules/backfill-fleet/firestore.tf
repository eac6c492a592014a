# The state store: one document per (table, date) in var.firestore_collection.

resource "google_firestore_database" "state" {
  count                   = var.create_firestore_database ? 1 : 0
  project                 = var.project_id
  name                    = var.firestore_database
  location_id             = var.firestore_location
  type                    = "FIRESTORE_NATIVE"
  delete_protection_state = var.deletion_protection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED"
  deletion_policy         = "DELETE"
}

# The composite indexes FirestoreStateStorage's queries need. The one list is
# FirestoreIndexes.required() (common/.../firestore/FirestoreIndexes.java); infra/firestore/
# firestore.indexes.json is generated from it (TestFirestoreIndexes) and read here, so a new
# index in the code is a new index here (infra's TestTerraform compares them).
# https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_index
resource "google_firestore_index" "state" {
  # keyed by the index's fields, so that adding an index to the list creates only that one
  for_each   = { for index in local.firestore_index_file.indexes : join(",", [for field in index.fields : field.fieldPath]) => index }
  project    = var.project_id
  database   = var.firestore_database
  collection = var.firestore_collection
  # Firestore appends __name__ itself, in the direction of the last field
  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path = fields.value.fieldPath
      order      = fields.value.order
    }
  }

  depends_on = [google_firestore_database.state]
}

# Single-field index exemptions: the fields no query filters or orders on (FirestoreIndexes.
# exemptions(), written into the same generated file as "fieldOverrides"), among them the
# ever-growing timestamps updatedAt and queuedAt of the state records and every field of the write
# permits, which are never queried. An empty index_config disables the field's indexes
# (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_field;
# why: https://cloud.google.com/firestore/docs/best-practices#indexes). The file's collection
# groups are named after the default collection; here they follow var.firestore_collection.
# Write permits (FirestorePermitStore, "<collection>_write_permits") also get their TTL policy on
# expireAt: expired permits are deleted, typically within 24 h (https://cloud.google.com/firestore/docs/ttl).
resource "google_firestore_field" "exemptions" {
  for_each   = { for override in local.firestore_index_file.fieldOverrides : join(".", [override.collectionGroup, override.fieldPath]) => override }
  project    = var.project_id
  database   = var.firestore_database
  collection = replace(each.value.collectionGroup, local.generated_collection, var.firestore_collection)
  field      = each.value.fieldPath

  index_config {}

  dynamic "ttl_config" {
    for_each = each.value.ttl ? [each.value] : []
    content {}
  }

  depends_on = [google_firestore_database.state]
}
