package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract every store of the applied table catalog keeps; subclasses give a fresh, empty one. */
public abstract class AbstractCatalogStoreTest
{
    private static final Instant APPLIED_AT = Instant.parse("2026-12-07T10:15:30.250Z");
    protected CatalogStore store;

    protected abstract CatalogStore createStore()
            throws Exception;

    protected void closeStore()
            throws Exception {}

    @BeforeEach
    void setUpStore()
            throws Exception
    {
        store = createStore();
    }

    @AfterEach
    void tearDownStore()
            throws Exception
    {
        closeStore();
    }

    @Test
    void anEmptyStoreHasNoCatalog()
    {
        assertThat(store.read()).isEmpty();
    }

    @Test
    void readsBackWhatWasAppliedDefinitionsAndVersionsIncluded()
    {
        CatalogChanges first = BuiltInTables.catalog().apply(CatalogFileParser.parse("t.yaml", TestCatalogFileParser.CONTRACT_EXAMPLE));
        AppliedCatalog applied = new AppliedCatalog(1, APPLIED_AT, "alice@host", "t.yaml", first.after().userEntries());
        store.write(applied);

        assertThat(store.read()).contains(applied);

        CatalogChanges second = first.after().apply(CatalogFileParser.parse("t.yaml", TestCatalogFileParser.CONTRACT_EXAMPLE.replace("assists AS points", "assists + 1 AS points")));
        AppliedCatalog next = new AppliedCatalog(2, APPLIED_AT.plusSeconds(60), "bob@host", "tables.yaml", second.after().userEntries());
        store.write(next);

        AppliedCatalog read = store.read().orElseThrow();
        assertThat(read).isEqualTo(next);
        assertThat(read.userTables()).extracting(CatalogEntry::name, CatalogEntry::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("team_points", 2L), org.assertj.core.groups.Tuple.tuple("per_date_program", 1L));
    }

    @Test
    void anApplyThatDidNotSeeTheLatestVersionIsRefusedAndChangesNothing()
    {
        CatalogChanges changes = BuiltInTables.catalog().apply(CatalogFileParser.parse("t.yaml", TestCatalogFileParser.CONTRACT_EXAMPLE));
        AppliedCatalog first = new AppliedCatalog(1, APPLIED_AT, "alice@host", "t.yaml", changes.after().userEntries());
        store.write(first);

        assertThatThrownBy(() -> store.write(new AppliedCatalog(1, APPLIED_AT.plusSeconds(1), "bob@host", "other.yaml", List.of())))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining("another 'tables apply' came first");
        assertThatThrownBy(() -> store.write(new AppliedCatalog(3, APPLIED_AT.plusSeconds(1), "bob@host", "other.yaml", List.of())))
                .isInstanceOf(FleetException.class);
        assertThat(store.read()).contains(first);

        store.write(new AppliedCatalog(2, APPLIED_AT.plusSeconds(2), "bob@host", "empty.yaml", List.of()));
        assertThat(store.read().orElseThrow().userTables()).isEmpty();
        assertThat(store.read().orElseThrow().version()).isEqualTo(2);
    }
}
