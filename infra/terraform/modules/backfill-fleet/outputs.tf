output "worker_service_account" {
  description = "Email of the workers' service account (annotate the GKE service account with it)."
  value       = google_service_account.worker.email
}

output "coordinator_service_account" {
  description = "Email of the coordinator's service account."
  value       = google_service_account.coordinator.email
}

output "subscription" {
  description = "Full name of the workers' subscription (the autoscalers' metric is on it)."
  value       = google_pubsub_subscription.work.id
}

output "worker_pool" {
  description = "Full name of the Cloud Run worker pool, if any (CREMA's scaleTargetRef)."
  value       = var.worker_image == null ? null : google_cloud_run_v2_worker_pool.workers[0].id
}

output "coordinator_environment" {
  description = "The BACKFILL_* settings for running bin/coordinator against this deployment."
  value = {
    BACKFILL_BACKEND                         = "gcp"
    BACKFILL_GCP_PROJECT                     = var.project_id
    BACKFILL_PUBSUB_TOPIC                    = var.topic_name
    BACKFILL_PUBSUB_SUBSCRIPTION             = var.subscription_name
    BACKFILL_PUBSUB_DEAD_LETTER_TOPIC        = var.dead_letter_topic_name
    BACKFILL_PUBSUB_DEAD_LETTER_SUBSCRIPTION = var.dead_letter_subscription_name
    BACKFILL_ACK_DEADLINE_SECONDS            = var.ack_deadline_seconds
    BACKFILL_MAX_DELIVERY_ATTEMPTS           = var.max_delivery_attempts
    BACKFILL_MAX_ATTEMPTS                    = var.max_attempts
    # the subscription's retry policy: `coordinator setup` compares it with these and would change
    # a policy set here back to the code's defaults without them
    BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS = var.retry_minimum_backoff_seconds
    BACKFILL_MAX_DEFER_SECONDS                = var.retry_maximum_backoff_seconds
    BACKFILL_FIRESTORE_DATABASE               = var.firestore_database
    BACKFILL_FIRESTORE_COLLECTION             = var.firestore_collection
    BACKFILL_BIGQUERY_DATASET_RAW             = var.bigquery_dataset_raw
    BACKFILL_BIGQUERY_DATASET_STATIC          = var.bigquery_dataset_static
    BACKFILL_BIGQUERY_DATASET_ANALYTICS       = var.bigquery_dataset_analytics
    BACKFILL_BIGQUERY_LOCATION                = var.bigquery_location
  }
}

output "crema_service_account" {
  description = "Email of CREMA's service account (enable_crema), for `gcloud run deploy --service-account`."
  value       = var.enable_crema ? google_service_account.crema[0].email : null
}
