package dev.backfillfleet.firestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.support.CredentialsHelp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What the state store needs in Firestore: the database and the composite indexes of
 * {@link FirestoreIndexes}. Setup creates neither (Terraform or the Firebase CLI deploy them,
 * and an index takes minutes to build); it reads what exists through the Firestore Admin REST
 * API (https://cloud.google.com/firestore/docs/reference/rest/v1/projects.databases.collectionGroups.indexes/list)
 * and prints the command that creates what is missing. The emulator needs no index.
 */
public final class FirestoreSetup
        implements Provisioner
{
    public static final String PRODUCTION_ENDPOINT = "https://firestore.googleapis.com";
    private static final String SCOPE = "https://www.googleapis.com/auth/datastore";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * What the plan reads: the database (databases.get) and its indexes (indexes.list). There is no
     * "index viewer" role; roles/datastore.user and roles/datastore.viewer hold both permissions
     * (https://cloud.google.com/iam/docs/roles-permissions/firestore; the index permissions are
     * named datastore.schemas.* in newer role listings).
     */
    static final String READ_PERMISSIONS = "datastore.databases.getMetadata and datastore.indexes.list (datastore.schemas.list in newer role listings)";

    private final FirestoreStateStoreSettings settings;
    private final String endpoint;
    private final Supplier<Map<String, String>> authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public FirestoreSetup(FirestoreStateStoreSettings settings, String endpoint, Supplier<Map<String, String>> authorization)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.authorization = requireNonNull(authorization, "authorization is null");
    }

    /** Against Firestore with the application default credentials, read when the plan is made. */
    public static FirestoreSetup production(FirestoreStateStoreSettings settings)
    {
        return new FirestoreSetup(settings, PRODUCTION_ENDPOINT, FirestoreSetup::applicationDefaultAuthorization);
    }

    @Override
    public String system()
    {
        return "Firestore" + settings.emulatorHost().map(host -> " (emulator " + host + ")").orElse("");
    }

    @Override
    public List<PlannedChange> plan()
    {
        String database = "database " + databasePath();
        if (settings.emulatorHost().isPresent()) {
            return List.of(PlannedChange.exists(database, "the emulator creates databases and needs no composite indexes"));
        }
        Optional<JsonNode> found = get("/v1/" + databasePath());
        if (found.isEmpty()) {
            return List.of(PlannedChange.manual(database, "missing: create it with infra/terraform, or: gcloud firestore databases create --project="
                    + settings.projectId() + " --database='" + settings.databaseId() + "' --location=LOCATION"));
        }
        List<PlannedChange> plan = new ArrayList<>();
        plan.add(PlannedChange.exists(database, "exists"));
        List<ExistingIndex> existing = existingIndexes();
        for (FirestoreIndex index : FirestoreIndexes.required()) {
            String resource = "index " + settings.collection() + " (" + index + ")";
            Optional<ExistingIndex> match = existing.stream().filter(candidate -> candidate.fields().equals(index.fields())).findFirst();
            if (match.isEmpty()) {
                plan.add(PlannedChange.manual(resource, "missing: " + FirestoreIndexes.createCommand(settings.projectId(), settings.databaseId(), settings.collection(), index)));
            }
            else if (!match.get().state().equals("READY")) {
                plan.add(PlannedChange.manual(resource, "exists but is " + match.get().state() + ": wait until it is READY (gcloud firestore indexes composite list)"));
            }
            else {
                plan.add(PlannedChange.exists(resource, "ready"));
            }
        }
        return plan;
    }

    private List<ExistingIndex> existingIndexes()
    {
        List<ExistingIndex> indexes = new ArrayList<>();
        String pageToken = "";
        do {
            JsonNode page = get("/v1/" + databasePath() + "/collectionGroups/" + settings.collection() + "/indexes"
                    + (pageToken.isEmpty() ? "" : "?pageToken=" + pageToken)).orElseThrow(() -> FleetException.environment(
                    "Firestore database " + databasePath() + " disappeared while its indexes were listed", null));
            for (JsonNode index : page.path("indexes")) {
                if (!"COLLECTION".equals(index.path("queryScope").asText())) {
                    continue;
                }
                List<FirestoreIndex.Field> fields = new ArrayList<>();
                for (JsonNode field : index.path("fields")) {
                    String path = field.path("fieldPath").asText();
                    if (!path.equals("__name__") && field.has("order")) {
                        fields.add(new FirestoreIndex.Field(path, FirestoreIndex.Order.valueOf(field.path("order").asText())));
                    }
                }
                indexes.add(new ExistingIndex(fields, index.path("state").asText("UNKNOWN")));
            }
            pageToken = page.path("nextPageToken").asText("");
        }
        while (!pageToken.isEmpty());
        return indexes;
    }

    /** The answer's JSON, or empty for 404. */
    private Optional<JsonNode> get(String path)
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(30)).GET();
        Map<String, String> headers = authorization.get();
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw FleetException.environment("cannot reach the Firestore Admin API at " + endpoint + ": " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FleetException.transientFailure("interrupted reading Firestore indexes", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 401) {
            throw FleetException.environment("reading Firestore database " + databasePath() + " and its indexes: no valid credentials (HTTP 401); "
                    + CredentialsHelp.FIX, null);
        }
        if (response.statusCode() == 403) {
            throw FleetException.environment("reading Firestore database " + databasePath() + " and its indexes is not permitted (HTTP 403): it needs "
                    + READ_PERMISSIONS + ", which roles/datastore.user and roles/datastore.viewer hold (infra/terraform grants them: setup_viewers)", null);
        }
        if (response.statusCode() != 200) {
            throw FleetException.transientFailure("the Firestore Admin API answered " + response.statusCode() + ": " + withoutSecrets(response.body(), headers), null);
        }
        try {
            return Optional.of(MAPPER.readTree(response.body()));
        }
        catch (IOException e) {
            throw FleetException.transientFailure("unreadable answer from the Firestore Admin API: " + e.getMessage(), e);
        }
    }

    /**
     * An answer's body as it may be shown: one line of at most 300 characters, without the access
     * token (a proxy's error page may echo the request's headers, and messages reach logs).
     */
    static String withoutSecrets(String body, Map<String, String> headers)
    {
        String shown = String.valueOf(body);
        for (String value : headers.values()) {
            String token = value.startsWith("Bearer ") ? value.substring("Bearer ".length()) : value;
            if (!token.isBlank()) {
                shown = shown.replace(token, "<redacted>");
            }
        }
        shown = shown.replaceAll("\\s+", " ").trim();
        return shown.length() <= 300 ? shown : shown.substring(0, 300) + "...";
    }

    private String databasePath()
    {
        return "projects/" + settings.projectId() + "/databases/" + settings.databaseId();
    }

    private static Map<String, String> applicationDefaultAuthorization()
    {
        try {
            GoogleCredentials credentials = GoogleCredentials.getApplicationDefault().createScoped(SCOPE);
            credentials.refreshIfExpired();
            return Map.of("Authorization", "Bearer " + credentials.getAccessToken().getTokenValue());
        }
        catch (IOException e) {
            throw FleetException.environment("no Google credentials for the Firestore Admin API (" + e.getMessage() + "); " + CredentialsHelp.FIX, e);
        }
        catch (RuntimeException e) {
            // a credentials file that parses but whose key does not decode: the library's message names no content of it
            Optional<String> file = Optional.ofNullable(System.getenv("GOOGLE_APPLICATION_CREDENTIALS"));
            throw FleetException.environment("no Google credentials for the Firestore Admin API: the credentials" + file.map(path -> " in " + path).orElse("")
                    + " cannot be used (" + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); "
                    + file.map(path -> "unset GOOGLE_APPLICATION_CREDENTIALS (or replace the file), then ").orElse("") + CredentialsHelp.FIX, e);
        }
    }

    private record ExistingIndex(List<FirestoreIndex.Field> fields, String state) {}
}
