package dev.backfillfleet.coordinator.report;

/** The report's stylesheet, inlined into the page so that it is one self-contained file. */
final class ReportStyles
{
    static final String CSS = """
            :root { --cell: 13px; --gap: 3px; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --panel: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: var(--ink); background: #fff; }
            header { padding: 20px 28px 12px; border-bottom: 1px solid var(--line); }
            h1 { margin: 0 0 4px; font-size: 22px; }
            h2 { margin: 0; font-size: 17px; }
            h3 { margin: 16px 0 6px; font-size: 14px; }
            .meta { margin: 0 0 10px; color: var(--muted); }
            .legend { display: flex; flex-wrap: wrap; gap: 14px; }
            .legend span, .chip { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; outline: 1px solid rgba(27, 31, 36, .12); outline-offset: -1px; }
            main { display: flex; align-items: flex-start; gap: 24px; padding: 20px 28px; }
            .tables { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 20px; }
            .table-card { border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
            .card-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; }
            .done-share { color: var(--muted); font-weight: 600; }
            .bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: #e4e8ee; margin: 10px 0; }
            .bar span { display: block; height: 100%; }
            .chips { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-bottom: 8px; }
            .chip b { font-variant-numeric: tabular-nums; }
            .facts { display: grid; grid-template-columns: repeat(4, auto); justify-content: start; gap: 2px 28px; margin: 8px 0 14px; }
            .facts dt { color: var(--muted); font-size: 12px; }
            .facts dd { margin: 0; font-variant-numeric: tabular-nums; }
            .heatmap { display: flex; flex-direction: column; gap: 14px; overflow-x: auto; padding-bottom: 4px; }
            .calendar { display: grid; grid-template-columns: 30px auto; grid-template-rows: auto auto; column-gap: 6px; justify-content: start; }
            .months, .grid { display: grid; gap: var(--gap); grid-auto-columns: var(--cell); }
            .months { grid-column: 2; grid-row: 1; height: 16px; font-size: 11px; color: var(--muted); }
            .months span { white-space: nowrap; }
            .weekdays { grid-column: 1; grid-row: 2; display: grid; grid-template-rows: repeat(7, var(--cell)); gap: var(--gap); font-size: 10px; color: var(--muted); line-height: var(--cell); }
            .grid { grid-column: 2; grid-row: 2; grid-template-rows: repeat(7, var(--cell)); }
            .cell { width: var(--cell); height: var(--cell); border-radius: 3px; cursor: pointer; outline: 1px solid rgba(27, 31, 36, .06); outline-offset: -1px; }
            .cell[data-state="PENDING"] { outline: 1px dashed #afb8c1; }
            .cell:hover { outline: 2px solid var(--ink); outline-offset: 0; }
            .cell.selected { outline: 2px solid var(--ink); outline-offset: 1px; }
            .failures table { border-collapse: collapse; width: 100%; font-size: 13px; }
            .failures th, .failures td { text-align: left; padding: 4px 8px; border-top: 1px solid var(--line); vertical-align: top; }
            .failures th { color: var(--muted); font-weight: 600; font-size: 12px; }
            .failures td.count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
            .failures code, .details code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, "Liberation Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
            .failures .dates { color: var(--muted); font-size: 12px; }
            .class-PERMANENT { color: #d1242f; font-weight: 600; }
            .class-TRANSIENT { color: #9a6700; font-weight: 600; }
            .class-USER { color: #8250df; font-weight: 600; }
            .none { color: var(--muted); }
            aside.details { flex: 0 0 360px; position: sticky; top: 16px; border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; background: var(--panel); }
            .details dl { display: grid; grid-template-columns: 92px 1fr; gap: 4px 10px; margin: 10px 0 0; }
            .details dt { color: var(--muted); }
            .details dd { margin: 0; overflow-wrap: anywhere; }
            .hint { color: var(--muted); margin: 6px 0 0; }
            .tooltip { position: fixed; z-index: 10; max-width: 340px; padding: 8px 10px; border-radius: 6px; background: #24292f; color: #fff; font-size: 12px; pointer-events: none; box-shadow: 0 4px 14px rgba(0, 0, 0, .25); }
            .tooltip b { display: block; margin-bottom: 2px; }
            .tooltip .error { color: #ffb1b1; }
            """;

    private ReportStyles() {}
}
