package dev.backfillfleet.catalog;

import java.util.Optional;

/**
 * Where the applied catalog lives: beside the date records, in the state store, so that every
 * worker on every machine computes with the definitions the operator applied, never a copy of
 * a file. Definitions are kept in the catalog file format ({@link CatalogFileWriter}), readable
 * in the state store's own console.
 */
public interface CatalogStore
{
    /** The catalog as last applied; empty before any file was applied (the built-in tables only). */
    Optional<AppliedCatalog> read();

    /**
     * Records {@code next}, whose version must be one more than the stored one (1 when there is
     * none): a {@link dev.backfillfleet.domain.FleetException} (USER) says that someone applied
     * another file in between, and nothing is written.
     */
    void write(AppliedCatalog next);
}
