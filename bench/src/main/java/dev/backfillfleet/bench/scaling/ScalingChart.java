package dev.backfillfleet.bench.scaling;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The PNG of speed-up and parallel efficiency against W, threads against worker processes. */
public final class ScalingChart
{
    private static final Color THREADS_COLOUR = new Color(0x1f77b4);
    private static final Color PROCESSES_COLOUR = new Color(0xd62728);
    private static final Color IDEAL_COLOUR = Color.GRAY;
    private static final BasicStroke SOLID = new BasicStroke(2.0f);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private ScalingChart() {}

    public static void write(ScalingResult result, Path file)
            throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        LogAxis slots = new LogAxis("W, worker slots (log scale)");
        slots.setBase(2);
        // the tick unit of a log axis is in exponents: ticks at 1, 4, 16, 64, 256
        slots.setTickUnit(new NumberTickUnit(2));
        slots.setNumberFormatOverride(new DecimalFormat("0"));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(slots);
        plot.setGap(12);
        plot.add(speedUpPlot(result), 1);
        plot.add(efficiencyPlot(result), 1);
        JFreeChart chart = new JFreeChart("backfill-fleet scaling: synthetic dates of L = " + result.latencyMs() + " ms over W slots",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(result.datesRule() + "; marginal = between the runs of N and 2N", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 800);
    }

    private static XYPlot speedUpPlot(ScalingResult result)
    {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        add(data, renderer, series(result, ScalingBenchmark.THREADS, "speed-up: threads in one process", point -> orNaN(point.speedUp())), THREADS_COLOUR, SOLID);
        add(data, renderer, series(result, ScalingBenchmark.PROCESSES_MODE, "speed-up: 4 worker processes", point -> orNaN(point.speedUp())), PROCESSES_COLOUR, SOLID);
        add(data, renderer, series(result, ScalingBenchmark.THREADS, "speed-up: threads, marginal", point -> orNaN(point.marginalSpeedUp())), THREADS_COLOUR, DASHED);
        add(data, renderer, series(result, ScalingBenchmark.PROCESSES_MODE, "speed-up: 4 processes, marginal", point -> orNaN(point.marginalSpeedUp())), PROCESSES_COLOUR,
                DASHED);
        XYSeries ideal = new XYSeries("ideal speed-up: W");
        result.points().stream().mapToInt(ScalingPoint::slots).distinct().sorted().forEach(slots -> ideal.add(slots, slots));
        add(data, renderer, ideal, IDEAL_COLOUR, DASHED);
        LogAxis axis = new LogAxis("speed-up against W = 1");
        axis.setBase(2);
        axis.setTickUnit(new NumberTickUnit(2));
        axis.setNumberFormatOverride(new DecimalFormat("0.#"));
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static XYPlot efficiencyPlot(ScalingResult result)
    {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        add(data, renderer, series(result, ScalingBenchmark.THREADS, "efficiency: threads, N x L / W / wall of 2N", point -> point.doubled().efficiency()), THREADS_COLOUR, SOLID);
        add(data, renderer, series(result, ScalingBenchmark.PROCESSES_MODE, "efficiency: 4 processes, N x L / W / wall of 2N", point -> point.doubled().efficiency()),
                PROCESSES_COLOUR, SOLID);
        add(data, renderer, series(result, ScalingBenchmark.THREADS, "efficiency: threads, marginal", ScalingPoint::marginalEfficiency), THREADS_COLOUR, DASHED);
        add(data, renderer, series(result, ScalingBenchmark.PROCESSES_MODE, "efficiency: 4 processes, marginal", ScalingPoint::marginalEfficiency), PROCESSES_COLOUR, DASHED);
        NumberAxis axis = new NumberAxis("parallel efficiency");
        double highest = result.points().stream().mapToDouble(ScalingPoint::marginalEfficiency).filter(Double::isFinite).max().orElse(1);
        axis.setRange(0, Math.max(1.15, highest * 1.05));
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(target(0.95, "target 0.95 at W = 64"));
        plot.addRangeMarker(target(0.85, "target 0.85 at W = 256"));
        return plot;
    }

    private static ValueMarker target(double value, String label)
    {
        ValueMarker marker = new ValueMarker(value, new Color(0x2ca02c), new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        marker.setLabelPaint(new Color(0x2ca02c));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    private static XYSeries series(ScalingResult result, String mode, String name, ToDoubleFunction<ScalingPoint> value)
    {
        XYSeries series = new XYSeries(name);
        List<ScalingPoint> points = result.points().stream().filter(point -> point.mode().equals(mode)).toList();
        for (ScalingPoint point : points) {
            double y = value.applyAsDouble(point);
            if (Double.isFinite(y) && y > 0) {
                series.add(point.slots(), y);
            }
        }
        return series;
    }

    private static void add(XYSeriesCollection data, XYLineAndShapeRenderer renderer, XYSeries series, Color colour, BasicStroke stroke)
    {
        int index = data.getSeriesCount();
        data.addSeries(series);
        renderer.setSeriesPaint(index, colour);
        renderer.setSeriesStroke(index, stroke);
    }

    private static double orNaN(Double value)
    {
        return value == null ? Double.NaN : value;
    }
}
