locals {
  # generated from the Java definitions; see firestore.tf and bigquery.tf
  firestore_index_file = jsondecode(file("${path.module}/../../../firestore/firestore.indexes.json"))
  bigquery_tables      = jsondecode(file("${path.module}/../../../bigquery/tables.json")).tables
}
