terraform {
  required_version = ">= 1.5"
  required_providers {
    google = {
      source = "hashicorp/google"
      # google_cloud_run_v2_worker_pool and its scaling block
      # (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_v2_worker_pool)
      version = ">= 6.40.0, < 8.0.0"
    }
    google-beta = {
      # google_project_service_identity exists in the beta provider only (iam.tf)
      source  = "hashicorp/google-beta"
      version = ">= 6.40.0, < 8.0.0"
    }
  }
}
