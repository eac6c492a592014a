package dev.backfillfleet.demo;

/** What a random stream is used for; each purpose gets its own stream, so no draw depends on another. */
enum Purpose
{
    SCHEDULE,
    TIP_OFF,
    ROSTER,
    TEAM_STRENGTH,
    INJURY_SPELLS,
    BOX_SCORE,
    QUIRKS,
    PLAY_BY_PLAY,
    PLAYER_PROPS,
    GAME_LINES,
    INJURY_REPORT,
    RAW_LOADS
}
