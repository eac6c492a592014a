package dev.backfillfleet.coordinator.report;

/**
 * The report's script, inlined into the page: draws one calendar per table from the embedded
 * data (one cell per date, coloured by state), shows a date's record on hover, pins it on click
 * and keeps the pinned date in the address ({@code report.html#synthetic/2024-01-05} opens with it pinned).
 * Data is only ever set as text, never as markup.
 */
final class ReportScript
{
    static final String JS = """
            (function () {
              'use strict';
              var data = JSON.parse(document.getElementById('report-data').textContent);
              var palette = data.palette;
              var DAY = 86400000;
              var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
              var WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
              var MAX_WEEKS_PER_ROW = 53;
              var tables = {};
              var tooltip = document.getElementById('tooltip');
              var detailsBody = document.getElementById('details-body');
              var selected = null;

              function parseDay(iso) {
                var parts = iso.split('-');
                return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
              }
              function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
              function weekday(ms) { return (new Date(ms).getUTCDay() + 6) % 7; }
              function element(tag, className, text) {
                var node = document.createElement(tag);
                if (className) { node.className = className; }
                if (text !== undefined) { node.textContent = text; }
                return node;
              }

              // Weeks run in columns from the range's first Monday; a long range wraps into rows of
              // equal length, at most a year each, so that a season reads as one continuous strip.
              function drawTable(table) {
                tables[table.name] = table;
                var container = document.querySelector('.heatmap[data-table="' + table.name + '"]');
                var first = parseDay(data.range.first);
                var last = parseDay(data.range.last);
                var gridStart = first - weekday(first) * DAY;
                var weeks = Math.floor((last - gridStart) / DAY / 7) + 1;
                var rows = Math.ceil(weeks / MAX_WEEKS_PER_ROW);
                var weeksPerRow = Math.ceil(weeks / rows);
                var cell = Math.max(11, Math.min(20, Math.floor((container.clientWidth - 44) / weeksPerRow) - 3));
                container.style.setProperty('--cell', cell + 'px');
                for (var row = 0; row < rows; row++) {
                  var rowStart = gridStart + row * weeksPerRow * 7 * DAY;
                  var rowEnd = Math.min(last, rowStart + (weeksPerRow * 7 - 1) * DAY);
                  container.appendChild(drawRow(table, rowStart, Math.max(first, rowStart), rowEnd));
                }
                container.addEventListener('mouseover', function (event) { if (event.target.classList.contains('cell')) { showTooltip(event.target); } });
                container.addEventListener('mousemove', moveTooltip);
                container.addEventListener('mouseout', function () { tooltip.hidden = true; });
                container.addEventListener('click', function (event) { if (event.target.classList.contains('cell')) { select(event.target, true); } });
              }

              function drawRow(table, gridStart, start, end) {
                var block = element('div', 'calendar');
                var weeks = Math.floor((end - gridStart) / DAY / 7) + 1;
                var months = element('div', 'months');
                var grid = element('div', 'grid');
                var weekdays = element('div', 'weekdays');
                months.style.gridTemplateColumns = grid.style.gridTemplateColumns = 'repeat(' + weeks + ', var(--cell))';
                WEEKDAYS.forEach(function (name) { weekdays.appendChild(element('span', '', name)); });
                var lastLabelColumn = -4;
                for (var day = start; day <= end; day += DAY) {
                  var column = Math.floor((day - gridStart) / DAY / 7) + 1;
                  var date = new Date(day);
                  var startsMonth = date.getUTCDate() === 1 || (day === start && date.getUTCDate() <= 24);
                  if (startsMonth && column - lastLabelColumn >= 4) {
                    var withYear = day === start || date.getUTCMonth() === 0;
                    var label = element('span', '', MONTHS[date.getUTCMonth()] + (withYear ? ' ' + date.getUTCFullYear() : ''));
                    label.style.gridColumn = column + ' / span 4';
                    label.style.gridRow = 1;
                    months.appendChild(label);
                    lastLabelColumn = column;
                  }
                  grid.appendChild(drawCell(table, isoDay(day), column, weekday(day) + 1));
                }
                block.appendChild(months);
                block.appendChild(weekdays);
                block.appendChild(grid);
                return block;
              }

              function drawCell(table, date, column, row) {
                var record = table.dates[date];
                var state = record ? record.state : 'PENDING';
                var cell = element('div', 'cell');
                cell.dataset.table = table.name;
                cell.dataset.date = date;
                cell.dataset.state = state;
                cell.dataset.key = table.name + '/' + date;
                cell.style.gridColumn = column;
                cell.style.gridRow = row;
                cell.style.backgroundColor = palette[state].colour;
                cell.setAttribute('role', 'img');
                cell.setAttribute('aria-label', table.name + ' ' + date + ': ' + palette[state].label);
                return cell;
              }

              function duration(ms) {
                if (ms === null || ms === undefined) { return null; }
                if (ms < 1000) { return ms + ' ms'; }
                if (ms < 60000) { return (ms / 1000).toFixed(1) + ' s'; }
                var seconds = Math.round(ms / 1000);
                return Math.floor(seconds / 60) + 'm ' + String(seconds % 60).padStart(2, '0') + 's';
              }
              function rows(record) {
                if (record.rowsWritten === null && record.rowsExpected === null) { return null; }
                return (record.rowsWritten === null ? '?' : record.rowsWritten) + ' written / ' + (record.rowsExpected === null ? '?' : record.rowsExpected) + ' expected';
              }

              function facts(cell) {
                var record = tables[cell.dataset.table].dates[cell.dataset.date];
                var state = cell.dataset.state;
                var list = [['Table', cell.dataset.table], ['Date', cell.dataset.date], ['State', palette[state].label]];
                if (!record) {
                  list.push(['Note', 'no record: this date was never enqueued']);
                  return list;
                }
                list.push(['Rows', rows(record)]);
                list.push(['Duration', duration(record.durationMs)]);
                list.push(['Attempts', String(record.attempts)]);
                list.push(['Error class', record.errorClass]);
                list.push(['Error', record.error]);
                list.push(['Run', record.runId]);
                list.push(['Lease owner', record.leaseOwner]);
                list.push(['Queued at', record.queuedAt]);
                list.push(['Started at', record.startedAt]);
                list.push(['Finished at', record.finishedAt]);
                return list.filter(function (fact) { return fact[1] !== null && fact[1] !== undefined && fact[1] !== ''; });
              }

              function showTooltip(cell) {
                tooltip.replaceChildren();
                var record = tables[cell.dataset.table].dates[cell.dataset.date];
                tooltip.appendChild(element('b', '', cell.dataset.date + ' · ' + palette[cell.dataset.state].label));
                if (record) {
                  var summary = [rows(record), duration(record.durationMs), record.attempts + (record.attempts === 1 ? ' attempt' : ' attempts')];
                  tooltip.appendChild(element('div', '', summary.filter(Boolean).join(' · ')));
                  if (record.error) {
                    var error = record.error.length > 160 ? record.error.slice(0, 157) + '...' : record.error;
                    tooltip.appendChild(element('div', 'error', (record.errorClass ? record.errorClass + ': ' : '') + error));
                  }
                }
                else {
                  tooltip.appendChild(element('div', '', 'never enqueued'));
                }
                tooltip.hidden = false;
              }
              function moveTooltip(event) {
                var x = event.clientX + 14;
                var y = event.clientY + 14;
                if (x + tooltip.offsetWidth > window.innerWidth - 8) { x = event.clientX - tooltip.offsetWidth - 14; }
                if (y + tooltip.offsetHeight > window.innerHeight - 8) { y = event.clientY - tooltip.offsetHeight - 14; }
                tooltip.style.left = x + 'px';
                tooltip.style.top = y + 'px';
              }

              function select(cell, remember) {
                if (selected) { selected.classList.remove('selected'); }
                selected = cell;
                cell.classList.add('selected');
                detailsBody.replaceChildren();
                var list = element('dl');
                facts(cell).forEach(function (fact) {
                  list.appendChild(element('dt', '', fact[0]));
                  var value = element('dd');
                  if (fact[0] === 'Error') { value.appendChild(element('code', '', fact[1])); }
                  else if (fact[0] === 'State') {
                    var swatch = element('span', 'swatch');
                    swatch.style.backgroundColor = palette[cell.dataset.state].colour;
                    value.appendChild(swatch);
                    value.appendChild(document.createTextNode(' ' + fact[1]));
                  }
                  else { value.textContent = fact[1]; }
                  list.appendChild(value);
                });
                detailsBody.appendChild(list);
                detailsBody.dataset.date = cell.dataset.date;
                detailsBody.dataset.table = cell.dataset.table;
                if (remember && window.history && history.replaceState) { history.replaceState(null, '', '#' + cell.dataset.key); }
              }

              data.tables.forEach(drawTable);
              var wanted = decodeURIComponent(window.location.hash.slice(1));
              var linked = wanted ? document.querySelector('.cell[data-key="' + wanted.replace(/"/g, '') + '"]') : null;
              if (linked) {
                select(linked, false);
                var box = linked.getBoundingClientRect();
                if (box.bottom < 0 || box.top > window.innerHeight) { linked.scrollIntoView({block: 'center'}); }
              }
              document.body.dataset.rendered = 'true';
            })();
            """;

    private ReportScript() {}
}
