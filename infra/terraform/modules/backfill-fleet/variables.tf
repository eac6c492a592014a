# Defaults are the code's defaults (the configuration classes, e.g. common/.../pubsub/PubSubConfig.java, and PubSubQueueSettings.java);
# infra/'s consistency tests fail when one side changes alone.

variable "project_id" {
  description = "Google Cloud project id."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Run worker pool."
  type        = string
  default     = "us-central1"
}

# --- Pub/Sub -------------------------------------------------------------------------------

variable "topic_name" {
  description = "Work topic (backfill.pubsub-topic)."
  type        = string
  default     = "backfill-work"
}

variable "subscription_name" {
  description = "The workers' pull subscription (backfill.pubsub-subscription)."
  type        = string
  default     = "backfill-work-workers"
}

variable "dead_letter_topic_name" {
  description = "Dead-letter topic (backfill.pubsub-dead-letter-topic)."
  type        = string
  default     = "backfill-work-dead-letter"
}

variable "dead_letter_subscription_name" {
  description = "Subscription on the dead-letter topic that the workers read to mark dates FAILED (backfill.pubsub-dead-letter-subscription)."
  type        = string
  default     = "backfill-work-dead-letter-workers"
}

variable "ack_deadline_seconds" {
  description = "Ack deadline of both subscriptions (backfill.ack-deadline-seconds, 10-600). The client extends it while a date runs, never beyond this per extension, so a dead worker's messages come back after it: 180 = the lease with BigQuery (backfill.lease-seconds), so that they come back when the dead worker's lease has expired and are claimed at once."
  type        = number
  default     = 180
  validation {
    condition     = var.ack_deadline_seconds >= 10 && var.ack_deadline_seconds <= 600
    error_message = "Pub/Sub ack deadlines are 10-600 s."
  }
}

variable "max_delivery_attempts" {
  description = "Deliveries before a message is dead-lettered (backfill.max-delivery-attempts, 5-100). Every wait for an upstream date is a delivery too; a worker publishes a dead-lettered message again while its date still needs running, so this never fails a date. Keep it well above the fleet's attempt budget (max_attempts) so that real failures end through that budget."
  type        = number
  default     = 100
  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "Pub/Sub's dead-letter policy allows 5-100 delivery attempts."
  }
}

variable "max_attempts" {
  description = "Attempts of a date before it is FAILED with its last error (backfill.max-attempts): transient failures and dead workers count, waiting and shutdowns do not."
  type        = number
  default     = 5
  validation {
    condition     = var.max_attempts >= 1 && var.max_attempts <= 100
    error_message = "backfill.max-attempts is 1-100."
  }
}

variable "retry_minimum_backoff_seconds" {
  description = "Retry policy: minimum backoff after a nack (backfill.pubsub-retry-min-backoff-seconds, 0-600); the first wait of a date whose upstream is not done."
  type        = number
  default     = 1
}

variable "retry_maximum_backoff_seconds" {
  description = "Retry policy: maximum backoff (backfill.max-defer-seconds, at most 600): the longest wait of a date between two checks of its upstream dates."
  type        = number
  default     = 60
}

variable "message_retention_days" {
  description = "How long an undelivered message stays in the subscriptions (1-31 days; Pub/Sub's default is 7). A backfill that runs longer than this loses its oldest messages: their dates stay QUEUED until enqueued again."
  type        = number
  default     = 31
  validation {
    condition     = var.message_retention_days >= 1 && var.message_retention_days <= 31
    error_message = "Subscription message retention is at most 31 days."
  }
}

# --- Firestore -----------------------------------------------------------------------------

variable "create_firestore_database" {
  description = "Create the Firestore database; false when the project already has it."
  type        = bool
  default     = true
}

variable "firestore_database" {
  description = "Firestore database id (backfill.firestore-database)."
  type        = string
  default     = "(default)"
}

variable "firestore_collection" {
  description = "Collection of the per-(table, date) state documents (backfill.firestore-collection)."
  type        = string
  default     = "backfill_dates"
}

variable "firestore_location" {
  description = "Firestore location: a multi-region (nam5, eur3) or a region."
  type        = string
  default     = "nam5"
}

# --- BigQuery ------------------------------------------------------------------------------

variable "bigquery_location" {
  description = "Location of the datasets (backfill.bigquery-location)."
  type        = string
  default     = "US"
}

variable "bigquery_dataset_raw" {
  description = "Dataset of the raw inputs (backfill.bigquery-dataset-raw)."
  type        = string
  default     = "nba_raw"
}

variable "bigquery_dataset_static" {
  description = "Dataset of the static tables (backfill.bigquery-dataset-static)."
  type        = string
  default     = "nba_static"
}

variable "bigquery_dataset_analytics" {
  description = "Dataset of the analytics tables the workers write (backfill.bigquery-dataset-analytics)."
  type        = string
  default     = "nba_analytics"
}

variable "deletion_protection" {
  description = "Protect the tables and the Firestore database from terraform destroy; set false (and apply) before tearing down."
  type        = bool
  default     = true
}

# --- Workers -------------------------------------------------------------------------------

variable "worker_image" {
  description = "Worker image (mvn -pl worker -am package jib:build -Dimage.registry=...); null to create no Cloud Run worker pool (e.g. workers on GKE)."
  type        = string
  default     = null
}

variable "worker_pool_name" {
  description = "Name of the Cloud Run worker pool."
  type        = string
  default     = "backfill-worker"
}

variable "worker_instances" {
  description = "Instances of the worker pool in manual scaling (the simple default; an external autoscaler such as CREMA changes it)."
  type        = number
  default     = 1
}

variable "worker_concurrency" {
  description = "Dates one worker runs at once (backfill.worker-concurrency); the worker's flow control holds no more messages than this."
  type        = number
  default     = 4
}

variable "worker_cpu" {
  description = "CPU of a worker instance (Cloud Run: 1, 2, 4, 6 or 8)."
  type        = string
  default     = "1"
}

variable "worker_memory" {
  description = "Memory of a worker instance; the JVM takes 75% of it for the heap (-XX:MaxRAMPercentage=75)."
  type        = string
  default     = "1Gi"
}

variable "worker_http_port" {
  description = "Port of the worker's /healthz, /readyz and /metrics (BACKFILL_HTTP_PORT)."
  type        = number
  default     = 8080
}

variable "worker_log_level" {
  description = "BACKFILL_LOG_LEVEL of the workers (INFO logs each date)."
  type        = string
  default     = "INFO"
}

# --- Identities ----------------------------------------------------------------------------

variable "worker_service_account_id" {
  description = "Account id of the workers' service account."
  type        = string
  default     = "backfill-worker"
}

variable "coordinator_service_account_id" {
  description = "Account id of the coordinator's service account."
  type        = string
  default     = "backfill-coordinator"
}

variable "gke_workload_identity" {
  description = "Workers on GKE (infra/k8s): the Kubernetes namespace and service account that act as the worker's service account through Workload Identity, and the toggle of everything GKE-only (the Custom Metrics Stackdriver Adapter's monitoring.viewer). Null (the default, and the Cloud Run path) plans nothing that needs a cluster's identity pool PROJECT.svc.id.goog."
  type = object({
    namespace       = string
    service_account = string
  })
  default = null
}

variable "setup_viewers" {
  description = "Members (e.g. user:ops@example.com) given the read-only roles that `coordinator setup --dry-run` reads with: Pub/Sub and BigQuery metadata, and the state database's metadata and indexes (roles/datastore.viewer on that database)."
  type        = list(string)
  default     = []
}

variable "impersonators" {
  description = "Members (e.g. user:ops@example.com) who may act as the coordinator's and the worker's service accounts (roles/iam.serviceAccountTokenCreator): `gcloud auth application-default login --impersonate-service-account=...` in the README's deploy step 3."
  type        = list(string)
  default     = []
}

variable "enable_crema" {
  description = "Create the service account and roles of a CREMA autoscaler for the worker pool (infra/cloud-run/README.md)."
  type        = bool
  default     = false
}
