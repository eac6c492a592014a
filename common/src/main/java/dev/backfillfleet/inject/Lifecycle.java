package dev.backfillfleet.inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what the process opened, in reverse order, once. */
public final class Lifecycle
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    public synchronized <T extends AutoCloseable> T register(T resource)
    {
        resources.push(resource);
        return resource;
    }

    @Override
    public synchronized void close()
    {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            }
            catch (Exception e) {
                log.warn("failed to close {}: {}", resource, e.getMessage());
            }
        }
    }
}
