package dev.backfillfleet.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the BigQuery REST API (v2), just large enough for the calls the Java
 * client makes on behalf of {@link BigQueryWarehouse} and {@link BigQuerySetup}: datasets.get/insert,
 * tables.get/insert/delete (a partition decorator deletes that partition), jobs.insert (query,
 * dry runs), resumable upload of load jobs, jobs.get, jobs.cancel, jobs.getQueryResults and
 * tabledata.list. Tables live in memory; a load with WRITE_TRUNCATE into {@code table$YYYYMMDD}
 * replaces that partition only, and so does a query job with that destination, which must give
 * the table's own columns and only rows of that date, or the job fails as BigQuery's does. The
 * adapter's own read and count shapes are matched exactly; any other SELECT (a catalog table's
 * SQL, its expected_rows, their dry runs) is run by {@link StandInSql} over the tables it names,
 * with its query parameters bound; a dry run answers the result's schema without running a job.
 * Errors come in the documented format. Every request is recorded for assertions; failures can
 * be scripted, an answer can be lost after its request was carried out ({@link #loseNextAnswer}),
 * and a job id can be taken beforehand in any state ({@link #existingJob}), to see what
 * the adapter does with an "already exists" answer. A table inserted with a {@code view}
 * definition is a view (its schema as given, no rows), as a real warehouse's raw tables may be.
 * Public for the coordinator's tests, which point a process at it with
 * {@code BIGQUERY_EMULATOR_HOST}.
 */
public final class TestingBigQueryServer
        implements AutoCloseable
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The adapter names every column it reads: {@code SELECT *} is not understood, so a test sees it fail. */
    private static final Pattern SELECT = Pattern.compile("SELECT (\\w+(?:, \\w+)*) FROM `([^`]+)`(?: WHERE (\\w+) BETWEEN @first AND @last)?");
    private static final Pattern NOTHING = Pattern.compile("SELECT (\\w+(?:, \\w+)*) FROM `([^`]+)` WHERE FALSE");
    private static final Pattern COUNT = Pattern.compile("SELECT COUNT\\(\\*\\) AS row_count FROM `([^`]+)` WHERE (\\w+) = @date");

    private final HttpServer server;
    private final Map<String, StoredTable> tables = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final Map<String, QueryResult> results = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<ScriptedFailure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> datasets = new ConcurrentHashMap<>();
    private final Map<String, Integer> runningPolls = new ConcurrentHashMap<>();
    private final Map<String, JobState> cancelOutcomes = new ConcurrentHashMap<>();
    private final AtomicLong clockMillis = new AtomicLong(System.currentTimeMillis());
    private final List<ScriptedFailure> lostAnswers = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger dryRuns = new java.util.concurrent.atomic.AtomicInteger();

    record RecordedRequest(String method, String path, Map<String, String> query, JsonNode body) {}

    private record ScriptedFailure(String method, Pattern path, int status, String reason, String message) {}

    private record StoredTable(String project, String dataset, String table, ArrayNode fields, Optional<String> partitionField, List<ObjectNode> rows,
            Optional<JsonNode> view) {}

    private record QueryResult(ArrayNode fields, List<List<JsonNode>> rows) {}

    private record Upload(JsonNode job, ByteArrayOutputStream data) {}

    public TestingBigQueryServer()
    {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "testing-bigquery");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<RecordedRequest> requests()
    {
        return List.copyOf(requests);
    }

    /** The job resources the adapter inserted or uploaded, in order. */
    public List<JsonNode> insertedJobs()
    {
        return requests.stream()
                .filter(request -> request.method().equals("POST") && request.path().endsWith("/jobs") && request.body() != null)
                .map(RecordedRequest::body)
                .toList();
    }

    /** The next request matching {@code method} and {@code pathRegex} fails with this documented error. */
    public void failNext(String method, String pathRegex, int status, String reason, String message)
    {
        failures.add(new ScriptedFailure(method, Pattern.compile(pathRegex), status, reason, message));
    }

    /**
     * The next request matching {@code method} and {@code pathRegex} is carried out, but its
     * answer is lost on the way back: the client sees a 503 backendError, as when a connection
     * breaks after the request arrived.
     */
    void loseNextAnswer(String method, String pathRegex)
    {
        lostAnswers.add(new ScriptedFailure(method, Pattern.compile(pathRegex), 503, "backendError", "the answer was lost on its way back"));
    }

    /** How many dry runs the stand-in answered. */
    int dryRuns()
    {
        return dryRuns.get();
    }

    /** The state a job taken beforehand is in when the adapter asks for it. */
    enum JobState
    {
        /** PENDING for the first poll, then RUNNING, then DONE without error. */
        PENDING_THEN_DONE,
        /** RUNNING for two polls, then DONE without error. */
        RUNNING_THEN_DONE,
        DONE,
        DONE_WITH_ERROR,
        /** RUNNING however often it is asked: a job that does not finish (a cancel stops it). */
        RUNNING_FOREVER,
        /** RUNNING until cancelled; the cancel comes too late, and the job is DONE without error at the next poll. */
        COMPLETES_DESPITE_CANCEL,
        /** RUNNING however often it is asked, and a cancel changes nothing. */
        IGNORES_CANCEL
    }

    /** Takes {@code jobId} as if it had been submitted before, in {@code state}: its submission will answer 409 duplicate. */
    void existingJob(String project, String jobId, JobState state, String errorReason)
    {
        ObjectNode submitted = MAPPER.createObjectNode();
        submitted.putObject("jobReference").put("projectId", project).put("jobId", jobId);
        submitted.putObject("configuration").putObject("load").putObject("destinationTable")
                .put("projectId", project).put("datasetId", "earlier").put("tableId", "submission");
        ObjectNode job = doneJob(project, jobId, submitted);
        switch (state) {
            case PENDING_THEN_DONE -> {
                ((ObjectNode) job.path("status")).put("state", "PENDING");
                runningPolls.put(jobId, 2);
            }
            case RUNNING_THEN_DONE -> {
                ((ObjectNode) job.path("status")).put("state", "RUNNING");
                runningPolls.put(jobId, 2);
            }
            case RUNNING_FOREVER -> {
                ((ObjectNode) job.path("status")).put("state", "RUNNING");
                runningPolls.put(jobId, Integer.MAX_VALUE);
            }
            case COMPLETES_DESPITE_CANCEL, IGNORES_CANCEL -> {
                ((ObjectNode) job.path("status")).put("state", "RUNNING");
                runningPolls.put(jobId, Integer.MAX_VALUE);
                cancelOutcomes.put(jobId, state);
            }
            case DONE -> ((ObjectNode) job.path("statistics")).putObject("load").put("outputRows", "1").put("inputFiles", "1");
            case DONE_WITH_ERROR -> fail(job, errorReason, "Error while reading data: the earlier submission failed");
        }
        jobs.put(jobId, job);
    }

    /** Dataset ids that exist. */
    java.util.Set<String> datasets()
    {
        return java.util.Set.copyOf(datasets.keySet());
    }

    /** Moves the server's job clock, e.g. to make an old job look old. */
    void advanceJobClock(java.time.Duration duration)
    {
        clockMillis.addAndGet(duration.toMillis());
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body = readBody(exchange);
            boolean upload = path.startsWith("/upload/") && method.equals("PUT");
            JsonNode json = !upload && body.length > 0 ? MAPPER.readTree(body) : null;
            requests.add(new RecordedRequest(method, path, query, json));
            for (ScriptedFailure failure : failures) {
                if (failure.method().equals(method) && failure.path().matcher(path).find() && failures.remove(failure)) {
                    error(exchange, failure.status(), failure.reason(), failure.message());
                    return;
                }
            }
            for (ScriptedFailure lost : lostAnswers) {
                if (lost.method().equals(method) && lost.path().matcher(path).find() && lostAnswers.remove(lost)) {
                    route(new LostAnswer(exchange), method, path, query, body, json);
                    error(exchange, lost.status(), lost.reason(), lost.message());
                    return;
                }
            }
            route(exchange, method, path, query, body, json);
        }
        catch (RuntimeException e) {
            error(exchange, 500, "internalError", "stand-in failure: " + e);
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body, JsonNode json)
            throws IOException
    {
        Matcher matcher;
        if (method.equals("POST") && (matcher = Pattern.compile("^/upload/bigquery/v2/projects/([^/]+)/jobs$").matcher(path)).find()) {
            startUpload(exchange, json);
        }
        else if (method.equals("PUT") && path.startsWith("/upload/bigquery/v2/")) {
            continueUpload(exchange, query.get("upload_id"), body);
        }
        else if (method.equals("POST") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/jobs$").matcher(path)).find()) {
            insertQueryJob(exchange, matcher.group(1), (ObjectNode) json);
        }
        else if (method.equals("GET") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/jobs/([^/]+)$").matcher(path)).find()) {
            ObjectNode job = jobs.get(matcher.group(2));
            if (job == null) {
                error(exchange, 404, "notFound", "Not found: Job " + matcher.group(1) + ":" + matcher.group(2));
                return;
            }
            send(exchange, 200, poll(matcher.group(2), job));
        }
        else if (method.equals("POST") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/jobs/([^/]+)/cancel$").matcher(path)).find()) {
            ObjectNode job = jobs.get(matcher.group(2));
            if (job == null) {
                error(exchange, 404, "notFound", "Not found: Job " + matcher.group(1) + ":" + matcher.group(2));
                return;
            }
            JobState outcome = cancelOutcomes.get(matcher.group(2));
            if (outcome == JobState.COMPLETES_DESPITE_CANCEL) {
                runningPolls.put(matcher.group(2), 1);
            }
            else if (outcome != JobState.IGNORES_CANCEL) {
                runningPolls.remove(matcher.group(2));
                ((ObjectNode) job.path("status")).put("state", "DONE");
                fail(job, "stopped", "Job execution was cancelled: User requested cancellation");
            }
            ObjectNode response = MAPPER.createObjectNode();
            response.set("job", job);
            send(exchange, 200, response);
        }
        else if (method.equals("GET") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/datasets/([^/]+)$").matcher(path)).find()) {
            ObjectNode dataset = datasets.get(matcher.group(2));
            if (dataset == null) {
                error(exchange, 404, "notFound", "Not found: Dataset " + matcher.group(1) + ":" + matcher.group(2));
                return;
            }
            send(exchange, 200, dataset);
        }
        else if (method.equals("POST") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/datasets$").matcher(path)).find()) {
            String datasetId = json.path("datasetReference").path("datasetId").asText();
            ObjectNode dataset = ((ObjectNode) json.deepCopy());
            dataset.put("kind", "bigquery#dataset").put("id", matcher.group(1) + ":" + datasetId);
            if (!dataset.has("location")) {
                dataset.put("location", "US");
            }
            if (datasets.putIfAbsent(datasetId, dataset) != null) {
                error(exchange, 409, "duplicate", "Already Exists: Dataset " + matcher.group(1) + ":" + datasetId);
                return;
            }
            send(exchange, 200, dataset);
        }
        else if (method.equals("DELETE") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)$").matcher(path)).find()) {
            deleteTable(exchange, matcher.group(1), matcher.group(2), URLDecoder.decode(matcher.group(3), StandardCharsets.UTF_8));
        }
        else if (method.equals("GET") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/queries/([^/]+)$").matcher(path)).find()) {
            queryResults(exchange, matcher.group(2), query);
        }
        else if (method.equals("GET") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/data$").matcher(path)).find()) {
            tableData(exchange, matcher.group(2), URLDecoder.decode(matcher.group(3), StandardCharsets.UTF_8), query);
        }
        else if (method.equals("GET") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)$").matcher(path)).find()) {
            StoredTable table = tables.get(matcher.group(2) + "." + matcher.group(3));
            if (table == null) {
                error(exchange, 404, "notFound", "Not found: Table " + matcher.group(1) + ":" + matcher.group(2) + "." + matcher.group(3));
                return;
            }
            send(exchange, 200, tableResource(table));
        }
        else if (method.equals("POST") && (matcher = Pattern.compile("^/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables$").matcher(path)).find()) {
            if (!datasets.containsKey(matcher.group(2))) {
                error(exchange, 404, "notFound", "Not found: Dataset " + matcher.group(1) + ":" + matcher.group(2));
                return;
            }
            createTable(exchange, matcher.group(1), matcher.group(2), json);
        }
        else {
            error(exchange, 404, "notFound", "the stand-in does not implement " + method + " " + path);
        }
    }

    /** A job taken beforehand in a pending or running state moves on by one step per poll. */
    private ObjectNode poll(String jobId, ObjectNode job)
    {
        Integer remaining = runningPolls.computeIfPresent(jobId, (id, polls) -> polls == Integer.MAX_VALUE ? polls : polls - 1);
        if (remaining != null && remaining <= 0) {
            runningPolls.remove(jobId);
            ((ObjectNode) job.path("status")).put("state", "DONE");
            ((ObjectNode) job.path("statistics")).putObject("load").put("outputRows", "1").put("inputFiles", "1");
        }
        else if (remaining != null && "PENDING".equals(job.path("status").path("state").asText())) {
            ObjectNode copy = job.deepCopy();
            ((ObjectNode) job.path("status")).put("state", "RUNNING");
            return copy;
        }
        return job;
    }

    /** tables.delete; with a partition decorator ({@code table$YYYYMMDD}), only that partition's rows. */
    private void deleteTable(HttpExchange exchange, String project, String dataset, String tableId)
            throws IOException
    {
        String[] tableAndDecorator = tableId.split("\\$");
        StoredTable table = tables.get(dataset + "." + tableAndDecorator[0]);
        if (table == null) {
            error(exchange, 404, "notFound", "Not found: Table " + project + ":" + dataset + "." + tableId);
            return;
        }
        if (tableAndDecorator.length == 2) {
            String field = table.partitionField().orElseThrow();
            String date = LocalDate.parse(tableAndDecorator[1], DateTimeFormatter.BASIC_ISO_DATE).toString();
            synchronized (table) {
                table.rows().removeIf(row -> row.path(field).asText().equals(date));
            }
        }
        else {
            tables.remove(dataset + "." + tableId);
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void createTable(HttpExchange exchange, String project, String dataset, JsonNode json)
            throws IOException
    {
        String tableId = json.path("tableReference").path("tableId").asText();
        Optional<String> partition = Optional.ofNullable(json.path("timePartitioning").path("field").textValue());
        Optional<JsonNode> view = json.has("view") ? Optional.of(json.path("view")) : Optional.empty();
        ArrayNode fields = json.path("schema").path("fields") instanceof ArrayNode given ? given : MAPPER.createArrayNode();
        StoredTable table = new StoredTable(project, dataset, tableId, fields, view.isPresent() ? Optional.empty() : partition,
                new CopyOnWriteArrayList<>(), view);
        if (tables.putIfAbsent(dataset + "." + tableId, table) != null) {
            error(exchange, 409, "duplicate", "Already Exists: Table " + project + ":" + dataset + "." + tableId);
            return;
        }
        send(exchange, 200, tableResource(table));
    }

    private ObjectNode tableResource(StoredTable table)
    {
        ObjectNode resource = MAPPER.createObjectNode();
        resource.put("kind", "bigquery#table");
        resource.put("id", table.project() + ":" + table.dataset() + "." + table.table());
        resource.putObject("tableReference").put("projectId", table.project()).put("datasetId", table.dataset()).put("tableId", table.table());
        resource.putObject("schema").set("fields", table.fields());
        table.partitionField().ifPresent(field -> resource.putObject("timePartitioning").put("type", "DAY").put("field", field));
        resource.put("type", table.view().isPresent() ? "VIEW" : "TABLE");
        table.view().ifPresent(view -> resource.set("view", view));
        resource.put("numRows", Integer.toString(table.rows().size()));
        return resource;
    }

    // ---- query jobs

    private void insertQueryJob(HttpExchange exchange, String project, ObjectNode job)
            throws IOException
    {
        String jobId = job.path("jobReference").path("jobId").asText(UUID.randomUUID().toString());
        if (jobs.containsKey(jobId)) {
            duplicateJob(exchange, project, jobId);
            return;
        }
        JsonNode queryConfiguration = job.path("configuration").path("query");
        if (queryConfiguration.isMissingNode()) {
            error(exchange, 400, "invalid", "the stand-in runs only query jobs through jobs.insert");
            return;
        }
        Map<String, String> parameters = new HashMap<>();
        for (JsonNode parameter : queryConfiguration.path("queryParameters")) {
            parameters.put(parameter.path("name").asText(), parameter.path("parameterValue").path("value").asText());
        }
        String sql = queryConfiguration.path("query").asText();
        QueryResult result;
        try {
            result = runQuery(sql, parameters);
        }
        catch (NotFound e) {
            error(exchange, 404, "notFound", e.getMessage());
            return;
        }
        catch (IllegalArgumentException e) {
            error(exchange, 400, "invalidQuery", e.getMessage());
            return;
        }
        if (job.path("configuration").path("dryRun").asBoolean(false)) {
            dryRun(exchange, project, jobId, job, result);
            return;
        }
        ObjectNode stored = doneJob(project, jobId, job);
        if (queryConfiguration.has("destinationTable")) {
            try {
                if (queryConfiguration.path("destinationTable").path("tableId").asText().contains("$")) {
                    requireDestinationSchema(queryConfiguration.path("destinationTable"), result);
                }
                write(queryConfiguration, rowObjects(result));
            }
            catch (NotFound e) {
                fail(stored, "notFound", e.getMessage());
            }
            catch (IllegalArgumentException e) {
                fail(stored, "invalid", e.getMessage());
            }
            results.put(jobId, result);
            jobs.put(jobId, stored);
            send(exchange, 200, stored);
            return;
        }
        results.put(jobId, result);
        ((ObjectNode) stored.path("configuration").path("query")).putObject("destinationTable")
                .put("projectId", project).put("datasetId", "_anonymous").put("tableId", "anon_" + jobId);
        ((ObjectNode) stored.path("statistics")).putObject("query").put("totalBytesProcessed", "0").put("statementType", "SELECT");
        jobs.put(jobId, stored);
        send(exchange, 200, stored);
    }

    /**
     * A dry run compiles the query and answers the job resource BigQuery would run, with the
     * result's schema in its statistics; nothing is written for it and no job is kept
     * (https://cloud.google.com/bigquery/docs/dry-run-queries). As for any query, one that does not
     * compile is a 400 invalidQuery answer to the insert itself, an unknown table a 404.
     */
    private void dryRun(HttpExchange exchange, String project, String jobId, JsonNode job, QueryResult result)
            throws IOException
    {
        ObjectNode dry = doneJob(project, jobId, job);
        ObjectNode statistics = ((ObjectNode) dry.path("statistics")).putObject("query");
        statistics.put("totalBytesProcessed", "0").put("statementType", "SELECT");
        statistics.putObject("schema").set("fields", result.fields());
        dryRuns.incrementAndGet();
        send(exchange, 200, dry);
    }

    /**
     * A query may truncate a partition only with the table's own schema: every column of the
     * table, by name, of its type, and no other; a REQUIRED column gets no NULL. Otherwise the
     * job fails, as BigQuery's does, and the partition is left as it was. (Truncating a whole
     * table replaces its schema too, so that is not checked.)
     */
    private void requireDestinationSchema(JsonNode destination, QueryResult result)
    {
        StoredTable table = table(destination.path("datasetId").asText() + "." + destination.path("tableId").asText().split("\\$")[0]);
        String name = table.project() + ":" + table.dataset() + "." + table.table();
        Map<String, JsonNode> produced = new LinkedHashMap<>();
        for (JsonNode field : result.fields()) {
            produced.put(field.path("name").asText(), field);
        }
        for (JsonNode field : table.fields()) {
            String column = field.path("name").asText();
            JsonNode given = produced.remove(column);
            if (given == null) {
                throw new IllegalArgumentException("Provided Schema does not match Table " + name + ". Field " + column + " is missing in new schema");
            }
            String expected = StandInSql.legacyType(field.path("type").asText());
            String actual = StandInSql.legacyType(given.path("type").asText());
            if (!expected.equals(actual)) {
                throw new IllegalArgumentException("Provided Schema does not match Table " + name + ". Field " + column + " has changed type from " + expected
                        + " to " + actual);
            }
        }
        if (!produced.isEmpty()) {
            throw new IllegalArgumentException("Provided Schema does not match Table " + name + ". Cannot add fields (field: " + produced.keySet().iterator().next() + ")");
        }
        for (int i = 0; i < result.fields().size(); i++) {
            String column = result.fields().get(i).path("name").asText();
            boolean required = false;
            for (JsonNode field : table.fields()) {
                required |= field.path("name").asText().equals(column) && "REQUIRED".equals(field.path("mode").asText());
            }
            for (List<JsonNode> row : result.rows()) {
                if (required && (row.get(i) == null || row.get(i).isNull())) {
                    throw new IllegalArgumentException("Required field " + column + " cannot be null");
                }
            }
        }
    }

    private QueryResult runQuery(String sql, Map<String, String> parameters)
    {
        Matcher nothing = NOTHING.matcher(sql.trim());
        if (nothing.matches()) {
            StoredTable table = table(nothing.group(2));
            return new QueryResult(selectedFields(table, nothing.group(1)), List.of());
        }
        Matcher select = SELECT.matcher(sql.trim());
        if (select.matches()) {
            StoredTable table = table(select.group(2));
            ArrayNode fields = selectedFields(table, select.group(1));
            String partitionColumn = select.group(3);
            List<List<JsonNode>> rows = new ArrayList<>();
            for (ObjectNode row : table.rows()) {
                if (partitionColumn != null) {
                    if (table.fields().findValuesAsText("name").stream().noneMatch(partitionColumn::equals)) {
                        throw new IllegalArgumentException("Unrecognized name: " + partitionColumn);
                    }
                    JsonNode value = row.path(partitionColumn);
                    if (value.isMissingNode() || value.isNull()) {
                        continue;
                    }
                    LocalDate date = LocalDate.parse(value.asText());
                    if (date.isBefore(LocalDate.parse(parameters.get("first"))) || date.isAfter(LocalDate.parse(parameters.get("last")))) {
                        continue;
                    }
                }
                List<JsonNode> values = new ArrayList<>();
                for (JsonNode field : fields) {
                    values.add(row.get(field.path("name").asText()));
                }
                rows.add(values);
            }
            return new QueryResult(fields, rows);
        }
        Matcher count = COUNT.matcher(sql.trim());
        if (count.matches()) {
            StoredTable table = table(count.group(1));
            long rows = table.rows().stream().filter(row -> row.path(count.group(2)).asText().equals(parameters.get("date"))).count();
            ArrayNode fields = MAPPER.createArrayNode();
            fields.addObject().put("name", "row_count").put("type", "INTEGER").put("mode", "NULLABLE");
            return new QueryResult(fields, List.of(List.of(MAPPER.getNodeFactory().numberNode(rows))));
        }
        StandInSql.Result result = StandInSql.evaluate(sql, parameters, this::tableForQuery);
        return new QueryResult(result.fields(), result.rows());
    }

    /** A table as a query reads it: its rows as they are now. */
    private StandInSql.Table tableForQuery(String qualified)
    {
        StoredTable table = table(qualified);
        synchronized (table) {
            return new StandInSql.Table(table.fields(), List.copyOf(table.rows()));
        }
    }

    /** The fields of {@code table} a query's column list names, in its order; an unknown name is BigQuery's "Unrecognized name". */
    private static ArrayNode selectedFields(StoredTable table, String columnList)
    {
        ArrayNode fields = MAPPER.createArrayNode();
        for (String name : columnList.split(", ")) {
            JsonNode field = null;
            for (JsonNode candidate : table.fields()) {
                if (candidate.path("name").asText().equals(name)) {
                    field = candidate;
                }
            }
            if (field == null) {
                throw new IllegalArgumentException("Unrecognized name: " + name);
            }
            fields.add(field);
        }
        return fields;
    }

    private StoredTable table(String qualified)
    {
        String[] parts = qualified.split("\\.");
        StoredTable table = tables.get(parts[parts.length - 2] + "." + parts[parts.length - 1]);
        if (table == null) {
            throw new NotFound("Not found: Table " + qualified);
        }
        return table;
    }

    private void queryResults(HttpExchange exchange, String jobId, Map<String, String> query)
            throws IOException
    {
        QueryResult result = results.get(jobId);
        ObjectNode job = jobs.get(jobId);
        if (result == null || job == null) {
            error(exchange, 404, "notFound", "Not found: Job " + jobId);
            return;
        }
        ObjectNode response = MAPPER.createObjectNode();
        response.put("kind", "bigquery#getQueryResultsResponse");
        response.set("jobReference", job.path("jobReference"));
        response.put("jobComplete", true);
        response.putObject("schema").set("fields", result.fields());
        response.put("totalRows", Integer.toString(result.rows().size()));
        response.put("cacheHit", false);
        if (!"0".equals(query.get("maxResults"))) {
            response.set("rows", rows(result, useInt64Timestamps(query)));
        }
        send(exchange, 200, response);
    }

    private void tableData(HttpExchange exchange, String dataset, String tableId, Map<String, String> query)
            throws IOException
    {
        QueryResult result;
        if (dataset.equals("_anonymous")) {
            result = results.get(tableId.substring("anon_".length()));
        }
        else {
            StoredTable table = tables.get(dataset + "." + tableId);
            result = table == null ? null : runQuery("SELECT " + String.join(", ", table.fields().findValuesAsText("name")) + " FROM `" + dataset + "." + tableId + "`", Map.of());
        }
        if (result == null) {
            error(exchange, 404, "notFound", "Not found: Table " + dataset + "." + tableId);
            return;
        }
        ObjectNode response = MAPPER.createObjectNode();
        response.put("kind", "bigquery#tableDataList");
        response.put("totalRows", Integer.toString(result.rows().size()));
        response.set("rows", rows(result, useInt64Timestamps(query)));
        send(exchange, 200, response);
    }

    private static boolean useInt64Timestamps(Map<String, String> query)
    {
        return "true".equals(query.get("formatOptions.useInt64Timestamp"));
    }

    private static ArrayNode rows(QueryResult result, boolean int64Timestamps)
    {
        ArrayNode rows = MAPPER.createArrayNode();
        for (List<JsonNode> values : result.rows()) {
            ArrayNode cells = rows.addObject().putArray("f");
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                ObjectNode cell = cells.addObject();
                if (value == null || value.isNull()) {
                    cell.putNull("v");
                }
                else if (result.fields().get(i).path("type").asText().equals("TIMESTAMP")) {
                    long micros = micros(Instant.parse(value.asText()));
                    cell.put("v", int64Timestamps ? Long.toString(micros) : BigDecimal.valueOf(micros).movePointLeft(6).toPlainString());
                }
                else {
                    cell.put("v", value.asText());
                }
            }
        }
        return rows;
    }

    private static long micros(Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    // ---- load jobs through the resumable upload protocol

    private void startUpload(HttpExchange exchange, JsonNode job)
            throws IOException
    {
        String jobId = job.path("jobReference").path("jobId").asText(UUID.randomUUID().toString());
        if (jobs.containsKey(jobId)) {
            duplicateJob(exchange, job.path("jobReference").path("projectId").asText(), jobId);
            return;
        }
        String uploadId = UUID.randomUUID().toString();
        uploads.put(uploadId, new Upload(job, new ByteArrayOutputStream()));
        exchange.getResponseHeaders().add("Location", url() + exchange.getRequestURI().getPath() + "?uploadType=resumable&upload_id=" + uploadId);
        exchange.sendResponseHeaders(200, -1);
    }

    private void continueUpload(HttpExchange exchange, String uploadId, byte[] body)
            throws IOException
    {
        Upload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null) {
            error(exchange, 404, "notFound", "no upload session " + uploadId);
            return;
        }
        upload.data().write(body);
        String range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Range")).orElse("bytes */0");
        if (range.endsWith("/*")) {
            exchange.getResponseHeaders().add("Range", "bytes=0-" + (upload.data().size() - 1));
            exchange.sendResponseHeaders(308, -1);
            return;
        }
        uploads.remove(uploadId);
        JsonNode jobReference = upload.job().path("jobReference");
        String jobId = jobReference.path("jobId").asText();
        String project = jobReference.path("projectId").asText();
        if (jobs.containsKey(jobId)) {
            duplicateJob(exchange, project, jobId);
            return;
        }
        ObjectNode job = doneJob(project, jobId, upload.job());
        try {
            long outputRows = load(upload.job().path("configuration").path("load"), upload.data().toString(StandardCharsets.UTF_8));
            ((ObjectNode) job.path("statistics")).putObject("load").put("outputRows", Long.toString(outputRows)).put("inputFiles", "1");
        }
        catch (NotFound e) {
            fail(job, "notFound", e.getMessage());
        }
        catch (IllegalArgumentException e) {
            fail(job, "invalid", e.getMessage());
        }
        jobs.put(jobId, job);
        send(exchange, 200, job);
    }

    private static List<ObjectNode> rowObjects(QueryResult result)
    {
        List<ObjectNode> rows = new ArrayList<>();
        for (List<JsonNode> values : result.rows()) {
            ObjectNode row = MAPPER.createObjectNode();
            for (int i = 0; i < values.size(); i++) {
                row.set(result.fields().get(i).path("name").asText(), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private long load(JsonNode configuration, String json)
    {
        if (!"NEWLINE_DELIMITED_JSON".equals(configuration.path("sourceFormat").asText())) {
            throw new IllegalArgumentException("the stand-in loads only NEWLINE_DELIMITED_JSON, not " + configuration.path("sourceFormat"));
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (String line : json.split("\n")) {
            if (!line.isBlank()) {
                try {
                    rows.add((ObjectNode) MAPPER.readTree(line));
                }
                catch (IOException e) {
                    throw new IllegalArgumentException("Error while reading data: " + e.getMessage());
                }
            }
        }
        return write(configuration, rows);
    }

    /** Writes {@code rows} into the configuration's destination table or partition. */
    private long write(JsonNode configuration, List<ObjectNode> rows)
    {
        if (!"WRITE_TRUNCATE".equals(configuration.path("writeDisposition").asText())) {
            throw new IllegalArgumentException("the stand-in writes only with WRITE_TRUNCATE, not " + configuration.path("writeDisposition"));
        }
        JsonNode destination = configuration.path("destinationTable");
        String[] tableAndDecorator = destination.path("tableId").asText().split("\\$");
        StoredTable table = table(destination.path("datasetId").asText() + "." + tableAndDecorator[0]);
        for (ObjectNode row : rows) {
            row.fieldNames().forEachRemaining(name -> {
                boolean known = false;
                for (JsonNode field : table.fields()) {
                    known |= field.path("name").asText().equals(name);
                }
                if (!known) {
                    throw new IllegalArgumentException("JSON table encountered too many errors: no such field: " + name);
                }
            });
        }
        synchronized (table) {
            if (tableAndDecorator.length == 2) {
                String field = table.partitionField().orElseThrow(() -> new IllegalArgumentException("table is not partitioned"));
                String date = LocalDate.parse(tableAndDecorator[1], DateTimeFormatter.BASIC_ISO_DATE).toString();
                for (ObjectNode row : rows) {
                    if (!row.path(field).asText().equals(date)) {
                        throw new IllegalArgumentException("Some rows belong to different partitions rather than destination partition " + tableAndDecorator[1]);
                    }
                }
                List<ObjectNode> kept = new ArrayList<>(table.rows().stream().filter(row -> !row.path(field).asText().equals(date)).toList());
                kept.addAll(rows);
                table.rows().clear();
                table.rows().addAll(kept);
            }
            else {
                table.rows().clear();
                table.rows().addAll(rows);
            }
        }
        return rows.size();
    }

    // ---- jobs and errors

    private ObjectNode doneJob(String project, String jobId, JsonNode submitted)
    {
        long now = clockMillis.get();
        ObjectNode job = MAPPER.createObjectNode();
        job.put("kind", "bigquery#job");
        String location = submitted.path("jobReference").path("location").asText("US");
        job.put("id", project + ":" + location + "." + jobId);
        job.putObject("jobReference").put("projectId", project).put("jobId", jobId).put("location", location);
        job.set("configuration", submitted.path("configuration").deepCopy());
        job.putObject("status").put("state", "DONE");
        job.putObject("statistics").put("creationTime", Long.toString(now)).put("startTime", Long.toString(now)).put("endTime", Long.toString(now));
        return job;
    }

    private static void fail(ObjectNode job, String reason, String message)
    {
        ObjectNode status = (ObjectNode) job.path("status");
        status.putObject("errorResult").put("reason", reason).put("message", message);
        status.putArray("errors").addObject().put("reason", reason).put("message", message);
    }

    private void duplicateJob(HttpExchange exchange, String project, String jobId)
            throws IOException
    {
        error(exchange, 409, "duplicate", "Already Exists: Job " + project + ":US." + jobId);
    }

    private static void error(HttpExchange exchange, int status, String reason, String message)
            throws IOException
    {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("message", message);
        error.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body)
            throws IOException
    {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(HttpExchange exchange)
            throws IOException
    {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            return body.readAllBytes();
        }
    }

    private static Map<String, String> query(String rawQuery)
    {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            query.put(key, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close()
    {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** An exchange whose answer goes nowhere: the request is carried out, the client never hears of it. */
    private static final class LostAnswer
            extends HttpExchange
    {
        private final HttpExchange request;
        private final com.sun.net.httpserver.Headers responseHeaders = new com.sun.net.httpserver.Headers();

        LostAnswer(HttpExchange request)
        {
            this.request = request;
        }

        @Override
        public com.sun.net.httpserver.Headers getRequestHeaders()
        {
            return request.getRequestHeaders();
        }

        @Override
        public com.sun.net.httpserver.Headers getResponseHeaders()
        {
            return responseHeaders;
        }

        @Override
        public java.net.URI getRequestURI()
        {
            return request.getRequestURI();
        }

        @Override
        public String getRequestMethod()
        {
            return request.getRequestMethod();
        }

        @Override
        public com.sun.net.httpserver.HttpContext getHttpContext()
        {
            return request.getHttpContext();
        }

        @Override
        public void close() {}

        @Override
        public InputStream getRequestBody()
        {
            return InputStream.nullInputStream();
        }

        @Override
        public OutputStream getResponseBody()
        {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void sendResponseHeaders(int status, long length) {}

        @Override
        public InetSocketAddress getRemoteAddress()
        {
            return request.getRemoteAddress();
        }

        @Override
        public int getResponseCode()
        {
            return -1;
        }

        @Override
        public InetSocketAddress getLocalAddress()
        {
            return request.getLocalAddress();
        }

        @Override
        public String getProtocol()
        {
            return request.getProtocol();
        }

        @Override
        public Object getAttribute(String name)
        {
            return request.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value)
        {
            request.setAttribute(name, value);
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {}

        @Override
        public com.sun.net.httpserver.HttpPrincipal getPrincipal()
        {
            return request.getPrincipal();
        }
    }

    private static final class NotFound
            extends RuntimeException
    {
        NotFound(String message)
        {
            super(message);
        }
    }
}
