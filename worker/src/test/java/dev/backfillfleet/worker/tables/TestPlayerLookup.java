package dev.backfillfleet.worker.tables;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lookup rules of the real writers (real-warehouse.md 0), with its examples. */
class TestPlayerLookup
{
    @Test
    void theGamebookRuleKeepsSuffixesAsJrOrSrAndStripsAccents()
    {
        assertThat(PlayerLookup.gamebook("Jaren Jackson Jr.")).isEqualTo("jarenjacksonjr");
        assertThat(PlayerLookup.gamebook("Nikola Jokić")).isEqualTo("nikolajokic");
        assertThat(PlayerLookup.gamebook("Gary Trent Junior")).isEqualTo("garytrentjr");
        assertThat(PlayerLookup.gamebook("Larry Nance Senior")).isEqualTo("larrynancesr");
        assertThat(PlayerLookup.gamebook("Jrue Holiday")).isEqualTo("jrueholiday");
        assertThat(PlayerLookup.gamebook("Robert Williams III")).isEqualTo("robertwilliamsiii");
        assertThat(PlayerLookup.gamebook("Alperen Şengün")).isEqualTo("alperensengun");
        assertThat(PlayerLookup.gamebook("Dennis Schröder")).isEqualTo("dennisschroder");
        assertThat(PlayerLookup.gamebook("Shai Gilgeous-Alexander")).isEqualTo("shaigilgeousalexander");
        // the Turkish dotless i is an i; full case folding turns a sharp s into ss
        assertThat(PlayerLookup.gamebook("Ersan İlyasova")).isEqualTo("ersanilyasova");
        assertThat(PlayerLookup.gamebook("Gruß")).isEqualTo("gruss");
    }

    @Test
    void thePropsRuleAgreesExceptForASuffixSpelledOut()
    {
        assertThat(PlayerLookup.of("Jaren Jackson Jr.")).isEqualTo(PlayerLookup.gamebook("Jaren Jackson Jr."));
        assertThat(PlayerLookup.of("Nikola Jokić")).isEqualTo(PlayerLookup.gamebook("Nikola Jokić"));
        assertThat(PlayerLookup.of("Gary Trent Junior")).isEqualTo("garytrentjunior").isNotEqualTo(PlayerLookup.gamebook("Gary Trent Junior"));
    }
}
