# The work queue (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_subscription).
# Workers pull with StreamingPull; the coordinator publishes one message per (table, date).

resource "google_pubsub_topic" "work" {
  project = var.project_id
  name    = var.topic_name
}

resource "google_pubsub_topic" "dead_letter" {
  project = var.project_id
  name    = var.dead_letter_topic_name
}

resource "google_pubsub_subscription" "work" {
  project              = var.project_id
  name                 = var.subscription_name
  topic                = google_pubsub_topic.work.id
  ack_deadline_seconds = var.ack_deadline_seconds
  # a long backfill keeps its backlog: Pub/Sub's default is 7 days, the maximum 31
  message_retention_duration = "${var.message_retention_days * 86400}s"

  # a nack ("release" after a transient failure) comes back after this backoff
  retry_policy {
    minimum_backoff = "${var.retry_minimum_backoff_seconds}s"
    maximum_backoff = "${var.retry_maximum_backoff_seconds}s"
  }

  # after max_delivery_attempts the message goes to the dead-letter topic, whose subscription the
  # workers read to mark the date FAILED; needs the service agent's roles below (iam.tf)
  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  # the default deletes a subscription idle for 31 days, and with it a paused backfill's backlog
  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "dead_letter" {
  project                    = var.project_id
  name                       = var.dead_letter_subscription_name
  topic                      = google_pubsub_topic.dead_letter.id
  ack_deadline_seconds       = var.ack_deadline_seconds
  message_retention_duration = "${var.message_retention_days * 86400}s"

  expiration_policy {
    ttl = ""
  }
}
