package dev.backfillfleet.provision;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A file that deploying the fleet needs and that is generated from the code (e.g. Firestore's
 * index file), so that infra/ never drifts from it: {@code coordinator setup} prints it.
 */
public record GeneratedFile(String name, Supplier<String> content)
{
    public GeneratedFile
    {
        requireNonNull(name, "name is null");
        requireNonNull(content, "content is null");
    }
}
