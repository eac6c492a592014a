package dev.backfillfleet.worker.tables;

import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real injury report read for the games of 2024-12-10 (tip-off 19:30 ET): partitioned by the
 * day a report was issued, timed by its Eastern date and hour only, its lookups by its own rule.
 */
class TestInjuryReport
{
    private static final LocalDate DAY = LocalDate.parse("2024-12-10");
    private static final Instant TIP_OFF = RawData.et("2024-12-10 19:30");

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void theLatestReportWhoseHourEndedByTipOffCounts()
    {
        new RawData()
                // issued the evening before, on 2024-12-09, and not updated since: it counts
                .injury(DAY, "BOS", "Al Horford", "out", "Rest", "2024-12-09 17:30")
                // upgraded at 18:15: its hour (18:00-19:00) ended before tip-off
                .injury(DAY, "BOS", "Jayson Tatum", "out", "Ankle", "2024-12-10 13:30")
                .injury(DAY, "BOS", "Jayson Tatum", "available", "Ankle", "2024-12-10 18:15")
                // downgraded at 19:15, in the tip-off's own hour: the minute is lost, so it may have come after tip-off
                .injury(DAY, "BOS", "Jaylen Brown", "questionable", "Knee", "2024-12-10 17:30")
                .injury(DAY, "BOS", "Jaylen Brown", "out", "Knee", "2024-12-10 19:15")
                // two reports of one hour: the later load wins
                .injury(DAY, "BOS", "Derrick White", "doubtful", "Illness", "2024-12-10 18:00", RawData.et("2024-12-10 18:04"))
                .injury(DAY, "BOS", "Derrick White", "out", "Illness", "2024-12-10 18:45", RawData.et("2024-12-10 18:49"))
                // a report three days before is outside the window read, and so are reports about other dates' games
                .injury(DAY, "BOS", "Sam Hauser", "out", "Back", "2024-12-07 17:30")
                .injury(DAY.plusDays(1), "BOS", "Payton Pritchard", "out", "Back", "2024-12-10 13:30")
                .writeTo(warehouse);

        InjuryReport report = InjuryReport.load(warehouse, DAY);
        assertThat(report.latest("alhorford", TIP_OFF)).isEqualTo(new InjuryStatus("out", "Rest"));
        assertThat(report.latest("jaysontatum", TIP_OFF).status()).isEqualTo("available");
        assertThat(report.latest("jaylenbrown", TIP_OFF).status()).isEqualTo("questionable");
        assertThat(report.latest("derrickwhite", TIP_OFF).status()).isEqualTo("out");
        assertThat(report.latest("samhauser", TIP_OFF)).isEqualTo(InjuryStatus.AVAILABLE);
        assertThat(report.latest("paytonpritchard", TIP_OFF)).isEqualTo(InjuryStatus.AVAILABLE);
        assertThat(report.playersOf("BOS")).containsExactlyInAnyOrder("alhorford", "jaysontatum", "jaylenbrown", "derrickwhite");
    }

    @Test
    void lookupsAreRecomputedFromTheFullNameWithTheGamebooksRule()
    {
        new RawData()
                // the report's own lookups are ueholiday, jarenjackson and robertwilliamsi: none joins the gamebook's
                .injury(DAY, "MEM", "Jaren Jackson Jr.", "out", "Knee", "2024-12-10 13:30")
                .injury(DAY, "BOS", "Jrue Holiday", "doubtful", "Shoulder", "2024-12-10 13:30")
                .injury(DAY, "BOS", "Robert Williams III", "questionable", "Knee", "2024-12-10 13:30")
                .writeTo(warehouse);
        InjuryReport report = InjuryReport.load(warehouse, DAY);
        assertThat(report.latest("jarenjacksonjr", TIP_OFF).status()).isEqualTo("out");
        assertThat(report.latest("jrueholiday", TIP_OFF).status()).isEqualTo("doubtful");
        assertThat(report.latest("robertwilliamsiii", TIP_OFF).status()).isEqualTo("questionable");
        assertThat(report.latest("ueholiday", TIP_OFF)).isEqualTo(InjuryStatus.AVAILABLE);
    }
}
