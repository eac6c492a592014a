# An example root: one project, one deployment. `terraform init && terraform apply` here, with
# the variables in terraform.tfvars (see terraform.tfvars.example and infra/README.md).

terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.40.0, < 8.0.0"
    }
    google-beta = {
      source  = "hashicorp/google-beta"
      version = ">= 6.40.0, < 8.0.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}

# the module creates the Pub/Sub service agent with google_project_service_identity, a beta resource
provider "google-beta" {
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

variable "create_firestore_database" {
  description = "Create the Firestore database; false when the project already has it."
  type        = bool
  default     = true
}

variable "gke_workload_identity" {
  description = "Workers on GKE: the Kubernetes namespace and service account of infra/k8s, { namespace = \"backfill\", service_account = \"backfill-worker\" }. Null (Cloud Run) plans nothing that needs a GKE cluster."
  type = object({
    namespace       = string
    service_account = string
  })
  default = null
}

variable "enable_crema" {
  description = "Create CREMA's service account and roles, to scale the worker pool on its backlog (infra/cloud-run/README.md)."
  type        = bool
  default     = false
}

variable "setup_viewers" {
  description = "Members (user:ops@example.com) who may run `coordinator setup --dry-run` as themselves (read-only roles)."
  type        = list(string)
  default     = []
}

variable "impersonators" {
  description = "Members (user:ops@example.com) who may act as the coordinator's and the worker's service accounts (README deploy step 3)."
  type        = list(string)
  default     = []
}

# Every API the README's deploy steps use (https://cloud.google.com/service-usage/docs/enable-disable):
# the fleet's own services; iamcredentials for impersonating the service accounts (step 3,
# https://cloud.google.com/docs/authentication/use-service-account-impersonation); artifactregistry
# for the images (step 1 also enables it, it runs before Terraform); container for GKE workers;
# parametermanager for CREMA's configuration (https://cloud.google.com/run/docs/configuring/workerpools/crema-autoscaling);
# cloudresourcemanager for the project lookups of the provider (data.google_project).
resource "google_project_service" "apis" {
  for_each = toset([
    "pubsub.googleapis.com",
    "firestore.googleapis.com",
    "bigquery.googleapis.com",
    "run.googleapis.com",
    "iam.googleapis.com",
    "monitoring.googleapis.com",
    "iamcredentials.googleapis.com",
    "parametermanager.googleapis.com",
    "artifactregistry.googleapis.com",
    "container.googleapis.com",
    "cloudresourcemanager.googleapis.com",
  ])
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

module "fleet" {
  source = "./modules/backfill-fleet"

  project_id                = var.project_id
  region                    = var.region
  worker_image              = var.worker_image
  worker_instances          = var.worker_instances
  deletion_protection       = var.deletion_protection
  create_firestore_database = var.create_firestore_database
  gke_workload_identity     = var.gke_workload_identity
  enable_crema              = var.enable_crema
  setup_viewers             = var.setup_viewers
  impersonators             = var.impersonators

  depends_on = [google_project_service.apis]
}

output "fleet" {
  description = "Service accounts, the subscription, the worker pool and the coordinator's settings."
  value = {
    worker_service_account      = module.fleet.worker_service_account
    coordinator_service_account = module.fleet.coordinator_service_account
    crema_service_account       = module.fleet.crema_service_account
    subscription                = module.fleet.subscription
    worker_pool                 = module.fleet.worker_pool
    coordinator_environment     = module.fleet.coordinator_environment
  }
}
