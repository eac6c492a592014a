# Least privilege: each identity gets the roles of its own work, on the resource it works on.
# The table in infra/README.md says why each one is there. Provisioning (terraform apply,
# `coordinator setup`) is done by a person with admin roles; no runtime identity creates topics,
# subscriptions, datasets, tables or indexes.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  pubsub_service_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
  worker_member        = "serviceAccount:${google_service_account.worker.email}"
  coordinator_member   = "serviceAccount:${google_service_account.coordinator.email}"
}

# The Pub/Sub service agent exists only once something asked for it; on a new project it may not
# exist yet when its roles below are granted. Asking for the service identity creates it
# (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/project_service_identity,
# a google-beta resource; https://cloud.google.com/iam/docs/service-agents).
resource "google_project_service_identity" "pubsub" {
  provider = google-beta
  project  = var.project_id
  service  = "pubsub.googleapis.com"
}

resource "google_service_account" "worker" {
  project      = var.project_id
  account_id   = var.worker_service_account_id
  display_name = "backfill-fleet worker"
}

resource "google_service_account" "coordinator" {
  project      = var.project_id
  account_id   = var.coordinator_service_account_id
  display_name = "backfill-fleet coordinator"
}

# --- The Pub/Sub service agent: without these, dead-lettering does not happen and delivery
# attempts are not counted (https://cloud.google.com/pubsub/docs/handling-failures#grant_forwarding_permissions)

resource "google_pubsub_topic_iam_member" "service_agent_publishes_dead_letters" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_service_agent

  depends_on = [google_project_service_identity.pubsub]
}

resource "google_pubsub_subscription_iam_member" "service_agent_forwards_from_work" {
  project      = var.project_id
  subscription = google_pubsub_subscription.work.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_service_agent

  depends_on = [google_project_service_identity.pubsub]
}

# --- Worker

resource "google_pubsub_subscription_iam_member" "worker_pulls_work" {
  project      = var.project_id
  subscription = google_pubsub_subscription.work.name
  role         = "roles/pubsub.subscriber"
  member       = local.worker_member
}

resource "google_pubsub_subscription_iam_member" "worker_pulls_dead_letters" {
  project      = var.project_id
  subscription = google_pubsub_subscription.dead_letter.name
  role         = "roles/pubsub.subscriber"
  member       = local.worker_member
}

# the start-up check of a worker asks for publish on the work topic (PubSubTopology); deferred
# deliveries are nacked, not republished
resource "google_pubsub_topic_iam_member" "worker_republishes_work" {
  project = var.project_id
  topic   = google_pubsub_topic.work.name
  role    = "roles/pubsub.publisher"
  member  = local.worker_member
}

# an unreadable message is forwarded to the dead letters and acked
resource "google_pubsub_topic_iam_member" "worker_forwards_dead_letters" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.worker_member
}

# documents only, and only in this database: an IAM condition on the database's resource name
# (https://cloud.google.com/firestore/docs/security/iam#iam_conditions)
resource "google_project_iam_member" "worker_state" {
  project = var.project_id
  role    = "roles/datastore.user"
  member  = local.worker_member
  condition {
    title       = "backfill-state-database"
    description = "Only the backfill state database"
    expression  = "resource.name == \"projects/${var.project_id}/databases/${var.firestore_database}\""
  }
}

resource "google_project_iam_member" "worker_jobs" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = local.worker_member
}

# reads the raw and static inputs; replaces partitions of the analytics tables (load and query
# jobs with WRITE_TRUNCATE) and reads the upstream analytics tables
resource "google_bigquery_dataset_iam_member" "worker" {
  for_each = {
    nba_raw       = "roles/bigquery.dataViewer"
    nba_static    = "roles/bigquery.dataViewer"
    nba_analytics = "roles/bigquery.dataEditor"
  }
  project    = var.project_id
  dataset_id = google_bigquery_dataset.datasets[each.key].dataset_id
  role       = each.value
  member     = local.worker_member
}

# --- GKE only: nothing here is planned while var.gke_workload_identity is null (Cloud Run), since
# each member names the identity pool PROJECT.svc.id.goog that only a GKE cluster with Workload
# Identity creates (https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity).

# the worker's Kubernetes service account (infra/k8s/serviceaccount.yaml) acts as the worker's
# service account
resource "google_service_account_iam_member" "gke_worker" {
  count              = var.gke_workload_identity == null ? 0 : 1
  service_account_id = google_service_account.worker.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.gke_workload_identity.namespace}/${var.gke_workload_identity.service_account}]"
}

# The HPA's External metric comes from the Custom Metrics Stackdriver Adapter
# (infra/k8s/custom-metrics-adapter), which reads Cloud Monitoring as its own Kubernetes service
# account custom-metrics/custom-metrics-stackdriver-adapter, granted directly as a principal
# (https://cloud.google.com/kubernetes-engine/docs/tutorials/autoscaling-metrics#pubsub).
resource "google_project_iam_member" "gke_metrics_adapter" {
  count   = var.gke_workload_identity == null ? 0 : 1
  project = var.project_id
  role    = "roles/monitoring.viewer"
  member  = "principal://iam.googleapis.com/projects/${data.google_project.this.number}/locations/global/workloadIdentityPools/${var.project_id}.svc.id.goog/subject/ns/${local.metrics_adapter.namespace}/sa/${local.metrics_adapter.service_account}"
}

# --- Coordinator: enqueue, status, failed, retry, watch, report, verify

resource "google_pubsub_topic_iam_member" "coordinator_publishes_work" {
  project = var.project_id
  topic   = google_pubsub_topic.work.name
  role    = "roles/pubsub.publisher"
  member  = local.coordinator_member
}

resource "google_project_iam_member" "coordinator_state" {
  project = var.project_id
  role    = "roles/datastore.user"
  member  = local.coordinator_member
  condition {
    title       = "backfill-state-database"
    description = "Only the backfill state database"
    expression  = "resource.name == \"projects/${var.project_id}/databases/${var.firestore_database}\""
  }
}

resource "google_project_iam_member" "coordinator_jobs" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = local.coordinator_member
}

# verify counts the rows of each date's partition against the schedule's games
resource "google_bigquery_dataset_iam_member" "coordinator_reads" {
  for_each   = google_bigquery_dataset.datasets
  project    = var.project_id
  dataset_id = each.value.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = local.coordinator_member
}

# --- What `coordinator setup --dry-run` and `doctor` read: topics, subscriptions, datasets, tables,
# the state database and its indexes. BigQuery's metadata (bigquery.datasets.get, tables.get)
# comes with the identities' dataViewer and dataEditor, and the database's metadata and index
# list (datastore.databases.getMetadata, datastore.indexes.list, renamed datastore.schemas.list)
# with roles/datastore.user (https://cloud.google.com/iam/docs/roles-permissions/firestore);
# Pub/Sub's settings need roles/pubsub.viewer (pubsub.topics.get, pubsub.subscriptions.get:
# https://cloud.google.com/iam/docs/roles-permissions/pubsub). The README's step 3 runs setup
# --dry-run as the coordinator and doctor as the worker, whose roles pass both start-up checks.

resource "google_project_iam_member" "coordinator_reads_queue_settings" {
  project = var.project_id
  role    = "roles/pubsub.viewer"
  member  = local.coordinator_member
}

resource "google_project_iam_member" "worker_reads_queue_settings" {
  project = var.project_id
  role    = "roles/pubsub.viewer"
  member  = local.worker_member
}

# People who check without acting as a service account. There is no Firestore "index viewer" role:
# roles/datastore.viewer is the narrowest predefined read-only role with both the database's
# metadata and the index list (it also reads documents, of the state database only here), and a
# custom role would have to name index permissions that Google renamed from datastore.indexes.*
# to datastore.schemas.* (https://firebase.google.com/docs/firestore/enterprise/security/iam).
resource "google_project_iam_member" "setup_viewers" {
  for_each = { for pair in setproduct(var.setup_viewers, ["roles/pubsub.viewer", "roles/bigquery.metadataViewer"]) : join(" ", pair) => pair }
  project  = var.project_id
  member   = each.value[0]
  role     = each.value[1]
}

resource "google_project_iam_member" "setup_viewers_state" {
  for_each = toset(var.setup_viewers)
  project  = var.project_id
  member   = each.value
  role     = "roles/datastore.viewer"
  condition {
    title       = "backfill-state-database"
    description = "Only the backfill state database"
    expression  = "resource.name == \"projects/${var.project_id}/databases/${var.firestore_database}\""
  }
}

# --- People who act as the service accounts (README step 3: gcloud auth application-default login
# --impersonate-service-account=...; https://cloud.google.com/docs/authentication/use-service-account-impersonation)

resource "google_service_account_iam_member" "impersonators" {
  for_each           = { for pair in setproduct(var.impersonators, ["coordinator", "worker"]) : join(" ", pair) => pair }
  service_account_id = each.value[1] == "coordinator" ? google_service_account.coordinator.name : google_service_account.worker.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = each.value[0]
}
