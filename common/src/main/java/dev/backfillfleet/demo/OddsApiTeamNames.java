package dev.backfillfleet.demo;

import java.util.Map;

/**
 * The teams' full names as the Odds API writes them in {@code odds_api_game_lines}'s home_team,
 * away_team and (for spreads) outcome_name, e.g. "Los Angeles Lakers".
 */
public final class OddsApiTeamNames
{
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ATL", "Atlanta Hawks"), Map.entry("BOS", "Boston Celtics"), Map.entry("BKN", "Brooklyn Nets"),
            Map.entry("CHA", "Charlotte Hornets"), Map.entry("CHI", "Chicago Bulls"), Map.entry("CLE", "Cleveland Cavaliers"),
            Map.entry("DAL", "Dallas Mavericks"), Map.entry("DEN", "Denver Nuggets"), Map.entry("DET", "Detroit Pistons"),
            Map.entry("GSW", "Golden State Warriors"), Map.entry("HOU", "Houston Rockets"), Map.entry("IND", "Indiana Pacers"),
            Map.entry("LAC", "Los Angeles Clippers"), Map.entry("LAL", "Los Angeles Lakers"), Map.entry("MEM", "Memphis Grizzlies"),
            Map.entry("MIA", "Miami Heat"), Map.entry("MIL", "Milwaukee Bucks"), Map.entry("MIN", "Minnesota Timberwolves"),
            Map.entry("NOP", "New Orleans Pelicans"), Map.entry("NYK", "New York Knicks"), Map.entry("OKC", "Oklahoma City Thunder"),
            Map.entry("ORL", "Orlando Magic"), Map.entry("PHI", "Philadelphia 76ers"), Map.entry("PHX", "Phoenix Suns"),
            Map.entry("POR", "Portland Trail Blazers"), Map.entry("SAC", "Sacramento Kings"), Map.entry("SAS", "San Antonio Spurs"),
            Map.entry("TOR", "Toronto Raptors"), Map.entry("UTA", "Utah Jazz"), Map.entry("WAS", "Washington Wizards"));

    private OddsApiTeamNames() {}

    public static String of(String code)
    {
        String name = NAMES.get(code);
        if (name == null) {
            throw new IllegalArgumentException("not an NBA team code: " + code);
        }
        return name;
    }
}
