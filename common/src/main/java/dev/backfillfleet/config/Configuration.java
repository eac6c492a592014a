package dev.backfillfleet.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The configuration of one process: what was read ({@link ConfigValues}) and, validated, one
 * object per concern in use: the fleet's own (adapters, worker, lease, retries, queue, synthetic)
 * and the configuration of each selected adapter. An adapter that is not selected has none:
 * its keys are accepted and not checked.
 */
public final class Configuration
{
    private final ConfigValues values;
    private final Map<Class<?>, Object> sections = new LinkedHashMap<>();

    public Configuration(ConfigValues values, List<Object> sections)
    {
        this.values = requireNonNull(values, "values is null");
        sections.forEach(section -> this.sections.put(section.getClass(), section));
        List.of(AdapterSelection.class, WorkerConfig.class, LeaseConfig.class, RetryConfig.class, QueueConfig.class, SyntheticConfig.class)
                .forEach(this::section);
    }

    public ConfigValues values()
    {
        return values;
    }

    /** Where the properties file is, and the embedded backend's files. */
    public Path home()
    {
        return Path.of(values.get(ConfigLoader.HOME));
    }

    public AdapterSelection adapters()
    {
        return section(AdapterSelection.class);
    }

    public WorkerConfig worker()
    {
        return section(WorkerConfig.class);
    }

    public LeaseConfig lease()
    {
        return section(LeaseConfig.class);
    }

    public RetryConfig retries()
    {
        return section(RetryConfig.class);
    }

    public QueueConfig queue()
    {
        return section(QueueConfig.class);
    }

    public SyntheticConfig synthetic()
    {
        return section(SyntheticConfig.class);
    }

    /** One concern's configuration; an adapter's exists only while the adapter is selected. */
    public <T> T section(Class<T> type)
    {
        Object section = sections.get(type);
        if (section == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not part of this configuration (its adapter is not selected)");
        }
        return type.cast(section);
    }

    public List<Object> sections()
    {
        return List.copyOf(sections.values());
    }
}
