package dev.backfillfleet.infra;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A Terraform module read by an HCL parser (hcl4j), as nested maps. hcl4j evaluates what it
 * can: a variable reference becomes the variable's default, arithmetic and interpolation with
 * those are computed; a reference it cannot resolve (another resource, {@code each.value})
 * stays as its text, e.g. {@code "google_pubsub_topic.work.id"}. A block that appears once is a
 * map, a repeated block a list of maps.
 *
 * <p>Terraform's {@code file()} and {@code jsondecode()} are provided here: {@code file} reads
 * relative to the module (the parser leaves {@code path.module} as text) and records what it
 * read; a path that still holds an unresolved reference becomes the text {@code file(PATH)}.
 */
final class Terraform
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, Object> document;
    private final Set<Path> filesRead;

    private Terraform(Path directory, Map<String, Object> document, Set<Path> filesRead)
    {
        this.directory = directory;
        this.document = document;
        this.filesRead = filesRead;
    }

    /** Every {@code *.tf} of {@code directory} (a module, or a root module), parsed as one document (so references between files resolve). */
    static Terraform module(Path directory)
    {
        return module(directory, Map.of());
    }

    /**
     * The module as if a caller set {@code variables} (name to HCL value, e.g. {@code "301"}): their
     * defaults are replaced before parsing, since hcl4j evaluates a reference to a variable as its default.
     */
    static Terraform module(Path directory, Map<String, String> variables)
    {
        Set<Path> filesRead = new LinkedHashSet<>();
        HCLParser parser = new HCLParser();
        parser.registerFunction("file", arguments -> {
            String path = String.valueOf(arguments.get(0));
            Path file = directory.resolve(path.replace("path.module/", "")).normalize();
            if (!Files.isRegularFile(file)) {
                return "file(" + path + ")";
            }
            filesRead.add(file);
            return read(file);
        });
        // toset([...]) keeps its list: the order does not matter to the tests
        parser.registerFunction("toset", arguments -> arguments.get(0));
        parser.registerFunction("jsondecode", arguments -> {
            try {
                return JSON.readValue(String.valueOf(arguments.get(0)), Object.class);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sources = files.filter(file -> file.getFileName().toString().endsWith(".tf")).sorted().toList();
            StringBuilder text = new StringBuilder();
            for (Path source : sources) {
                text.append(read(source)).append('\n');
            }
            variables.forEach((name, value) -> setDefault(text, name, value));
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) plain(parser.parse(text.toString()));
            return new Terraform(directory, document, filesRead);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the Terraform in " + directory, e);
        }
        catch (HCLParserException | RuntimeException e) {
            throw new IllegalStateException("hcl4j cannot parse the Terraform in " + directory + ": " + e.getMessage(), e);
        }
    }

    Path directory()
    {
        return directory;
    }

    /** The whole document: {@code resource}, {@code variable}, {@code module}, {@code terraform}, ... */
    Map<String, Object> document()
    {
        return Collections.unmodifiableMap(document);
    }

    /** {@code terraform { required_providers { NAME = { ... } } }}. */
    Map<String, Object> requiredProvider(String name)
    {
        return map(map(map(document, "terraform"), "required_providers"), name);
    }

    /** {@code module "NAME" { ... }}: its arguments, evaluated like everything else. */
    Map<String, Object> moduleCall(String name)
    {
        return map(map(document, "module"), name);
    }

    Map<String, Object> variables()
    {
        return map(document, "variable");
    }

    Set<Path> filesRead()
    {
        return Collections.unmodifiableSet(filesRead);
    }

    /** {@code resource "TYPE" "NAME" { ... }}. */
    Map<String, Object> resource(String type, String name)
    {
        return map(map(map(document, "resource"), type), name);
    }

    Map<String, Object> resources(String type)
    {
        return map(map(document, "resource"), type);
    }

    /** A variable's default, as hcl4j evaluated it. */
    Object variableDefault(String name)
    {
        return map(map(document, "variable"), name).get("default");
    }

    /** A local value; several {@code locals} blocks are one namespace. */
    @SuppressWarnings("unchecked")
    Object local(String name)
    {
        Object locals = document.get("locals");
        List<Object> blocks = locals instanceof List ? (List<Object>) locals : List.of(locals);
        return blocks.stream().map(block -> ((Map<String, Object>) block).get(name)).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError("no local '" + name + "'"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key)
    {
        Object value = requireNonNull(parent, "parent is null").get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a block or map '" + key + "' in " + parent.keySet() + ", found " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A block that may be written once (a map) or several times (a list), always as a list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Map<String, Object> parent, String key)
    {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map) {
            return List.of((Map<String, Object>) value);
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Object block : (List<Object>) value) {
            blocks.add((Map<String, Object>) block);
        }
        return blocks;
    }

    /** A number hcl4j computed (always a double), as the whole number Terraform means. */
    static long number(Object value)
    {
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new AssertionError("expected a whole number, found " + value);
        }
        return number.longValue();
    }

    /** An attribute's value as the string Terraform would pass to the API (numbers without ".0"). */
    static String text(Object value)
    {
        if (value instanceof Double number && number == Math.rint(number)) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    static Optional<Object> optional(Map<String, Object> parent, String key)
    {
        return Optional.ofNullable(parent.get(key));
    }

    static Map<String, String> environment(List<Map<String, Object>> env)
    {
        return env.stream().collect(Collectors.toMap(variable -> text(variable.get("name")), variable -> text(variable.get("value")), (a, b) -> {
            throw new AssertionError("environment variable set twice: " + a + ", " + b);
        }, java.util.LinkedHashMap::new));
    }

    /** hcl4j leaves an unresolved reference as a symbol object; here it is its text, like every other string. */
    private static Object plain(Object value)
    {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(String.valueOf(key), plain(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(child -> copy.add(plain(child)));
            return copy;
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    private static void setDefault(StringBuilder text, String variable, String value)
    {
        Matcher block = Pattern.compile("(?m)^variable \"" + Pattern.quote(variable) + "\" \\{$").matcher(text);
        if (!block.find()) {
            throw new AssertionError("no variable '" + variable + "'");
        }
        Matcher line = Pattern.compile("(?m)^  default\\s*=.*$").matcher(text);
        if (!line.find(block.end()) || text.indexOf("\n}", block.end()) < line.start()) {
            throw new AssertionError("variable '" + variable + "' has no one-line default to replace");
        }
        text.replace(line.start(), line.end(), "  default = " + value);
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
