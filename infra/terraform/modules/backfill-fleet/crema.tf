# The identity of a CREMA autoscaler for the worker pool (infra/cloud-run/README.md deploys the
# service itself). Its roles follow the CREMA guide, narrowed to this worker pool
# (https://github.com/GoogleCloudPlatform/cloud-run-external-metrics-autoscaling#create-a-gcp-service-account).

resource "google_service_account" "crema" {
  count        = var.enable_crema ? 1 : 0
  project      = var.project_id
  account_id   = "backfill-crema"
  display_name = "backfill-fleet worker pool autoscaler (CREMA)"
}

# reads num_undelivered_messages through Cloud Monitoring's PromQL API
resource "google_project_iam_member" "crema_reads_metrics" {
  count   = var.enable_crema ? 1 : 0
  project = var.project_id
  role    = "roles/monitoring.viewer"
  member  = "serviceAccount:${google_service_account.crema[0].email}"
}

# reads its configuration from Parameter Manager
resource "google_project_iam_member" "crema_reads_config" {
  count   = var.enable_crema ? 1 : 0
  project = var.project_id
  role    = "roles/parametermanager.parameterViewer"
  member  = "serviceAccount:${google_service_account.crema[0].email}"
}

# sets the worker pool's instance count, and nothing else's
resource "google_cloud_run_v2_worker_pool_iam_member" "crema_scales_workers" {
  count    = var.enable_crema && var.worker_image != null ? 1 : 0
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_worker_pool.workers[0].name
  role     = "roles/run.developer"
  member   = "serviceAccount:${google_service_account.crema[0].email}"
}

# updating the worker pool needs actAs on the identity it runs as
resource "google_service_account_iam_member" "crema_acts_as_worker" {
  count              = var.enable_crema ? 1 : 0
  service_account_id = google_service_account.worker.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.crema[0].email}"
}
