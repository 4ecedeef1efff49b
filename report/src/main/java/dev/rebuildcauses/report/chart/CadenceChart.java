package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.CadenceMark;
import dev.rebuildcauses.analysis.chart.EnvironmentCadence;
import dev.rebuildcauses.analysis.chart.JobCadence;
import dev.rebuildcauses.analysis.chart.MarkPeriod;
import dev.rebuildcauses.analysis.model.Causes;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 6: one timeline row per job, a tick in the environment's colour on each day (week) its
 * environment changed, the row labelled with the mean days between changes.
 */
public final class CadenceChart {
    private static final long DAY_MILLIS = 86_400_000L;
    /** A mark sits in the middle of its period. */
    private static final Map<MarkPeriod, Double> HALF_PERIOD_DAYS =
            Map.of(MarkPeriod.DAY, 0.5, MarkPeriod.WEEK, 3.5, MarkPeriod.MONTH, 15.0);

    private CadenceChart() {}

    public static ReportChart create(EnvironmentCadence data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        List<JobCadence> jobs = data.jobs();
        int rows = jobs.size();
        String[] labels = new String[rows];
        XYSeries marks = new XYSeries("environment change", false, true);
        for (int r = 0; r < rows; r++) {
            JobCadence job = jobs.get(r);
            int y = rows - 1 - r; // first job on top
            labels[y] = job.label();
            for (CadenceMark mark : job.marks()) {
                marks.add(millis(mark.start()) + HALF_PERIOD_DAYS.get(data.period()) * DAY_MILLIS, y);
            }
        }
        DateAxis time = new DateAxis("date of the environment-changing builds (UTC, one mark per "
                + data.period().label() + " with changes)");
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        // at least two weeks, so that a short history still reads as dates
        LocalDate end = data.to().plusDays(1).isBefore(data.from().plusDays(14))
                ? data.from().plusDays(14)
                : data.to().plusDays(1);
        time.setRange(millis(data.from()), millis(end));
        SymbolAxis jobAxis = new SymbolAxis("job", labels);
        jobAxis.setGridBandsVisible(true);
        jobAxis.setRange(-0.6, rows - 0.4);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(marks), time, jobAxis, renderer);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(true);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, false));
        ChartStyle.note(chart, "Each job is labelled with the mean days between its environment changes.");
        jobAxis.setGridBandPaint(new Color(0xF4F4F4));
        jobAxis.setGridBandAlternatePaint(Color.WHITE);
        jobAxis.setTickLabelFont(ChartStyle.TICK);
        renderer.setSeriesPaint(0, CausePalette.color(Causes.ENVIRONMENT));
        renderer.setSeriesShape(0, new Rectangle2D.Double(-1.5, -8, 3, 16));
        renderer.setDrawOutlines(false);
        return new ReportChart(data, chart, 900, Math.max(240, 120 + 30 * rows));
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
