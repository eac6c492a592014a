"""A command table's program: prints the date's three teams with the most turnovers, one JSON object per line.

The fleet runs it once per date (BACKFILL_TABLE, BACKFILL_DATE, BACKFILL_ATTEMPT and BACKFILL_RUN_ID in
its environment) and writes what it prints into the date's partition. Exit 0 when done, 75 when the
date should be tried again later, anything else for a permanent failure (the end of standard error
says why). This one reads the embedded warehouse's file; a program of yours reads wherever your data is.
"""
import json
import os
import sqlite3
import sys

date = sys.argv[1]
home = os.environ.get("BACKFILL_HOME", ".backfill")
try:
    db = sqlite3.connect("file:" + os.path.join(home, "warehouse.db") + "?mode=ro", uri=True)
    rows = db.execute(
        "SELECT team_abbr, turnovers FROM nba_analytics__team_offense_game_summary"
        " WHERE game_date = ? ORDER BY turnovers DESC, team_abbr LIMIT 3", (date,)).fetchall()
except sqlite3.OperationalError as e:
    print("cannot read the warehouse yet: %s" % e, file=sys.stderr)
    sys.exit(75)
for team, turnovers in rows:
    print(json.dumps({"game_date": date, "team_abbr": team, "turnovers": turnovers}))
