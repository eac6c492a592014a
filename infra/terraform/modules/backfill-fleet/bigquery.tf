# The warehouse: three datasets and every table of the Java schema catalog. infra/bigquery/ is
# generated from the Java definitions (BigQuerySchemas.definition: schema, day partitioning,
# clustering), so the tables Terraform creates are the ones the workers would create.
# https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table

resource "google_bigquery_dataset" "datasets" {
  # our dataset names (TableRef, tables.json) to the BigQuery datasets of this deployment
  for_each = {
    nba_raw       = var.bigquery_dataset_raw
    nba_static    = var.bigquery_dataset_static
    nba_analytics = var.bigquery_dataset_analytics
  }
  project    = var.project_id
  dataset_id = each.value
  location   = var.bigquery_location
}

resource "google_bigquery_table" "tables" {
  for_each            = local.bigquery_tables
  project             = var.project_id
  dataset_id          = google_bigquery_dataset.datasets[each.value.dataset].dataset_id
  table_id            = each.value.table
  schema              = file("${path.module}/../../../bigquery/${each.value.schema}")
  clustering          = each.value.clustering
  deletion_protection = var.deletion_protection

  # each (table, date) is replaced whole by a WRITE_TRUNCATE into table$YYYYMMDD
  dynamic "time_partitioning" {
    for_each = each.value.partitioning == null ? [] : [each.value.partitioning]
    content {
      type  = time_partitioning.value.type
      field = time_partitioning.value.field
    }
  }
}
