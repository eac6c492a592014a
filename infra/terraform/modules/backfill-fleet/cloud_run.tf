# Workers on a Cloud Run worker pool: pull workers need no URL and no requests
# (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_v2_worker_pool,
# https://cloud.google.com/run/docs/deploy-worker-pools). Manual scaling is the simple default;
# CREMA can change the instance count from the subscription's backlog (infra/cloud-run/).

resource "google_cloud_run_v2_worker_pool" "workers" {
  count               = var.worker_image == null ? 0 : 1
  project             = var.project_id
  name                = var.worker_pool_name
  location            = var.region
  deletion_protection = var.deletion_protection

  # manual_instance_count changes neither the template nor the revision
  # (https://cloud.google.com/run/docs/configuring/workerpools/manual-scaling)
  scaling {
    scaling_mode          = "MANUAL"
    manual_instance_count = var.worker_instances
  }

  template {
    service_account = google_service_account.worker.email

    containers {
      name  = "worker"
      image = var.worker_image
      # Cloud Run sends SIGKILL 10 s after SIGTERM: the worker drains, gives back and exits within that
      # (https://cloud.google.com/run/docs/container-contract#instance-shutdown)
      args = ["--shutdown-seconds", "10", "--log-format", "json"]

      resources {
        limits = {
          cpu    = var.worker_cpu
          memory = var.worker_memory
        }
      }

      # every setting is a BACKFILL_<KEY> of a configuration key; infra's tests load them through the worker's configuration loader
      env {
        name  = "BACKFILL_BACKEND"
        value = "gcp"
      }
      env {
        name  = "BACKFILL_GCP_PROJECT"
        value = var.project_id
      }
      env {
        name  = "BACKFILL_HOME"
        value = "/tmp/backfill"
      }
      env {
        name  = "BACKFILL_WORKER_CONCURRENCY"
        value = var.worker_concurrency
      }
      env {
        name  = "BACKFILL_ACK_DEADLINE_SECONDS"
        value = var.ack_deadline_seconds
      }
      env {
        name  = "BACKFILL_MAX_DELIVERY_ATTEMPTS"
        value = var.max_delivery_attempts
      }
      env {
        name  = "BACKFILL_MAX_ATTEMPTS"
        value = var.max_attempts
      }
      env {
        name  = "BACKFILL_MAX_DEFER_SECONDS"
        value = var.retry_maximum_backoff_seconds
      }
      env {
        name  = "BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS"
        value = var.retry_minimum_backoff_seconds
      }
      env {
        name  = "BACKFILL_PUBSUB_TOPIC"
        value = var.topic_name
      }
      env {
        name  = "BACKFILL_PUBSUB_SUBSCRIPTION"
        value = var.subscription_name
      }
      env {
        name  = "BACKFILL_PUBSUB_DEAD_LETTER_TOPIC"
        value = var.dead_letter_topic_name
      }
      env {
        name  = "BACKFILL_PUBSUB_DEAD_LETTER_SUBSCRIPTION"
        value = var.dead_letter_subscription_name
      }
      env {
        name  = "BACKFILL_FIRESTORE_DATABASE"
        value = var.firestore_database
      }
      env {
        name  = "BACKFILL_FIRESTORE_COLLECTION"
        value = var.firestore_collection
      }
      env {
        name  = "BACKFILL_BIGQUERY_DATASET_RAW"
        value = var.bigquery_dataset_raw
      }
      env {
        name  = "BACKFILL_BIGQUERY_DATASET_STATIC"
        value = var.bigquery_dataset_static
      }
      env {
        name  = "BACKFILL_BIGQUERY_DATASET_ANALYTICS"
        value = var.bigquery_dataset_analytics
      }
      env {
        name  = "BACKFILL_BIGQUERY_LOCATION"
        value = var.bigquery_location
      }
      env {
        name  = "BACKFILL_LOG_LEVEL"
        value = var.worker_log_level
      }
      # /healthz, /readyz, /metrics, on every interface so that the probes reach them
      env {
        name  = "BACKFILL_HTTP_PORT"
        value = var.worker_http_port
      }
      env {
        name  = "BACKFILL_HTTP_HOST"
        value = "0.0.0.0"
      }

      # ready once subscribed and pulling; a worker that cannot start (exit 3: missing resource,
      # permission, configuration) is restarted with backoff
      startup_probe {
        period_seconds    = 5
        timeout_seconds   = 2
        failure_threshold = 24
        http_get {
          path = "/readyz"
          port = var.worker_http_port
        }
      }
      liveness_probe {
        period_seconds    = 15
        timeout_seconds   = 5
        failure_threshold = 4
        http_get {
          path = "/healthz"
          port = var.worker_http_port
        }
      }
    }
  }

  # an external autoscaler (CREMA) owns the instance count once enabled
  lifecycle {
    ignore_changes = [scaling[0].manual_instance_count]
  }
}
