package dev.backfillfleet.bench.process;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A process to start: the exact argument vector, and how a person reproduces it from the
 * checkout ({@code bin/worker ...}), with the work directory shown as {@code <work>}.
 */
public record ProductCommand(List<String> argv, String display)
{
    public ProductCommand
    {
        argv = List.copyOf(argv);
        requireNonNull(display, "display is null");
    }
}
