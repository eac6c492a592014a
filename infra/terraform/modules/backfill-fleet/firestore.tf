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

# The fleet-wide pacing of BigQuery partition writes (issue 8, in progress in main) keeps write
# permits as documents in "<collection>_write_permits" with an "expireAt" timestamp
# (FirestorePermitStore): a TTL policy deletes them once expired, typically within 24 h.
# https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_field
resource "google_firestore_field" "write_permit_ttl" {
  project    = var.project_id
  database   = var.firestore_database
  collection = "${var.firestore_collection}_write_permits"
  field      = "expireAt"

  ttl_config {}

  depends_on = [google_firestore_database.state]
}
