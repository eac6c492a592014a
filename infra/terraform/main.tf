# An example root: one project, one deployment. `terraform init && terraform apply` here, with
# the variables in terraform.tfvars (see terraform.tfvars.example and infra/README.md).

terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.40.0, < 8.0.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

variable "project_id" {
  description = "Google Cloud project id."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Run worker pool."
  type        = string
  default     = "us-central1"
}

variable "worker_image" {
  description = "Worker image pushed by jib:build; null for no Cloud Run worker pool."
  type        = string
  default     = null
}

variable "worker_instances" {
  description = "Initial instance count of the Cloud Run worker pool."
  type        = number
  default     = 1
}

variable "deletion_protection" {
  description = "Set false (and apply) before terraform destroy."
  type        = bool
  default     = true
}

resource "google_project_service" "apis" {
  for_each = toset([
    "pubsub.googleapis.com",
    "firestore.googleapis.com",
    "bigquery.googleapis.com",
    "run.googleapis.com",
    "iam.googleapis.com",
    "monitoring.googleapis.com",
  ])
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

module "fleet" {
  source = "./modules/backfill-fleet"

  project_id          = var.project_id
  region              = var.region
  worker_image        = var.worker_image
  worker_instances    = var.worker_instances
  deletion_protection = var.deletion_protection

  depends_on = [google_project_service.apis]
}

output "fleet" {
  description = "Service accounts, the subscription, the worker pool and the coordinator's settings."
  value = {
    worker_service_account      = module.fleet.worker_service_account
    coordinator_service_account = module.fleet.coordinator_service_account
    subscription                = module.fleet.subscription
    worker_pool                 = module.fleet.worker_pool
    coordinator_environment     = module.fleet.coordinator_environment
  }
}
