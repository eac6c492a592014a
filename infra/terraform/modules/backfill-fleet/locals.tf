locals {
  # generated from the Java definitions; see firestore.tf and bigquery.tf
  firestore_index_file = jsondecode(file("${path.module}/../../../firestore/firestore.indexes.json"))
  bigquery_tables      = jsondecode(file("${path.module}/../../../bigquery/tables.json")).tables
  # the collection firestore.indexes.json is written for (FirestoreStateStoreSettings.DEFAULT_COLLECTION)
  generated_collection = "backfill_dates"

  # The Custom Metrics Stackdriver Adapter's Kubernetes service account, fixed by the manifest that
  # infra/k8s/custom-metrics-adapter/kustomization.yaml pins (iam.tf grants it monitoring.viewer)
  metrics_adapter = {
    namespace       = "custom-metrics"
    service_account = "custom-metrics-stackdriver-adapter"
  }
}
