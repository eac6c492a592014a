package dev.backfillfleet.support;

/**
 * What a Google adapter tells a person whose process found no usable credentials. The clients
 * use Application Default Credentials: on a workstation the gcloud login (acting as a service
 * account by impersonation), on Cloud Run the service's identity, on GKE Workload Identity; a
 * service account key file is never needed
 * (https://cloud.google.com/docs/authentication/provide-credentials-adc,
 * https://cloud.google.com/docs/authentication/use-service-account-impersonation).
 */
public final class CredentialsHelp
{
    public static final String FIX = "run 'gcloud auth application-default login'"
            + " (with --impersonate-service-account=EMAIL to act as the fleet's service account); on Cloud Run and GKE the workload's"
            + " service account or Workload Identity provides them, no key file needed";

    private CredentialsHelp() {}
}
