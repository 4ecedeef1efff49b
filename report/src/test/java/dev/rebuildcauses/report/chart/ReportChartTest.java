package dev.rebuildcauses.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.chart.Measure;
import dev.rebuildcauses.analysis.chart.ReportCharts;
import dev.rebuildcauses.analysis.chart.StabilityCell;
import dev.rebuildcauses.analysis.chart.StabilityStrip;
import dev.rebuildcauses.analysis.chart.WeeklySeries;
import dev.rebuildcauses.analysis.chart.WeeklyTrend;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportChartTest {
    private static final ReportCharts DATA = ChartHistories.charts(ChartHistories.twoJobs());
    private static final Color CODE = CausePalette.color("code");
    private static final Color ENVIRONMENT = CausePalette.color("environment");

    @Test
    void shouldDrawEveryChartAsAPageReadySvg() throws Exception {
        List<ReportChart> charts = ReportChartFactory.createAll(DATA);

        assertThat(charts)
                .extracting(ReportChart::id)
                .containsExactly(
                        "cause-shares",
                        "durations",
                        "combinations",
                        "weekly",
                        "jobs",
                        "environment-cadence",
                        "stability-images-app-dockerfile");
        for (ReportChart chart : charts) {
            Svg.assertPageReady(chart);
            assertThat(chart.svg()).contains("clipPath id='" + chart.id() + "-");
            assertThat(chart.render().svg()).isEqualTo(chart.svg());
            assertThat(chart.render().table()).isEqualTo(chart.table());
        }
    }

    @Test
    void shouldDrawTwoBarsPerCauseInItsColour() {
        String svg = CauseShareChart.create(DATA.causeShares()).svg();

        for (String cause : List.of("code", "environment", "docs", "empty-commit", "unknown-range")) {
            assertThat(Svg.rects(svg, CausePalette.color(cause))).as(cause).isEqualTo(1);
            assertThat(Svg.rects(svg, CauseShareChart.pale(CausePalette.color(cause))))
                    .as(cause)
                    .isEqualTo(1);
        }
        assertThat(svg).contains(">62.5%<", ">60.0%<");
    }

    @Test
    void shouldDrawOneBoxPerCauseWithDurations() {
        String svg = DurationChart.create(DATA.durations()).svg();

        // the causes whose builds vary; the box of a single build is a line
        for (String cause : List.of("code", "environment")) {
            assertThat(Svg.rects(svg, CauseShareChart.pale(CausePalette.color(cause))))
                    .as(cause)
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldDrawAnUpSetMatrixWithADotPerCauseOfEachCombination() {
        // 6 combinations over 5 causes: code in 3, environment in 2, the others in 1
        String svg = UpSetChart.create(DATA.combinations()).svg();

        assertThat(Svg.dots(svg, CODE)).isEqualTo(3);
        assertThat(Svg.dots(svg, ENVIRONMENT)).isEqualTo(2);
        assertThat(Svg.dots(svg, CausePalette.color("docs"))).isEqualTo(1);
        assertThat(Svg.dots(svg, ChartStyle.LIGHT_DOT)).isEqualTo(6 * 5 - 8);
        // a bar per combination: in the cause's colour when alone, dark when several
        assertThat(Svg.rects(svg, CODE)).isEqualTo(1);
        assertThat(Svg.rects(svg, ChartStyle.DARK)).isEqualTo(2);
        // and a line joining the dots of each of the two combinations with two causes
        assertThat(Svg.count(svg, "stroke-width:2.5;stroke:rgb\\(68,68,68\\)")).isEqualTo(2);
    }

    @Test
    void shouldStackWeeklyBarsByCause() {
        String svg = WeeklyTrendChart.create(DATA.weekly()).svg();

        assertThat(Svg.rects(svg, CODE)).isEqualTo(2);
        assertThat(Svg.rects(svg, CausePalette.color("empty-commit"))).isEqualTo(1);
    }

    @Test
    void shouldDrawALongTrendAsOneAreaPerCause() {
        // Given 200 weeks of two causes
        List<java.time.LocalDate> weeks = new java.util.ArrayList<>();
        List<Double> values = new java.util.ArrayList<>();
        for (int week = 0; week < 200; week++) {
            weeks.add(java.time.LocalDate.parse("2024-01-01").plusWeeks(week));
            values.add(1.0 + week % 3);
        }
        WeeklyTrend trend = new WeeklyTrend(
                Measure.HOURS, weeks, List.of(new WeeklySeries("code", values), new WeeklySeries("ci", values)));

        // Then each cause is one filled path, not one mark per week
        String svg = WeeklyTrendChart.create(trend).svg();
        assertThat(Svg.shapes(svg, CODE)).isEqualTo(1 + 1); // the area and its legend swatch
        assertThat(Svg.rects(svg, CODE)).isZero();
        assertThat(svg.length()).isLessThan(40_000);
    }

    @Test
    void shouldStackEachJobsHoursByCauseUnderACumulativeLine() {
        String svg = JobParetoChart.create(DATA.jobs()).svg();

        assertThat(Svg.rects(svg, CODE)).isEqualTo(2);
        assertThat(Svg.rects(svg, ENVIRONMENT)).isEqualTo(1);
        assertThat(svg).contains(">1. a<", ">2. b<");
    }

    @Test
    void shouldMarkEachEnvironmentChange() {
        String svg = CadenceChart.create(DATA.environmentCadence()).svg();

        assertThat(Svg.shapes(svg, ENVIRONMENT)).isEqualTo(2);
        assertThat(svg).contains(">a (every 10.0 d)<", ">b (no change)<");
    }

    @Test
    void shouldDrawOneCellPerInstruction() {
        StabilityStrip strip = DATA.dockerfiles().get(0);
        String svg = StabilityChart.create(strip).svg();

        assertThat(strip.cells()).hasSize(14);
        for (Color colour : Arrays.asList(
                StabilityChart.STABLE_NEVER,
                StabilityChart.STABLE,
                StabilityChart.CHANGING_ONCE,
                StabilityChart.CHANGING_FEW,
                StabilityChart.CHANGING_OFTEN)) {
            long cells = strip.cells().stream()
                    .map(StabilityChart::colour)
                    .filter(colour::equals)
                    .count();
            // the legend shows each colour once more
            assertThat(Svg.rects(svg, colour) + Svg.shapes(svg, colour)).isEqualTo(cells + 1);
        }
        assertThat(strip.cells().stream().map(StabilityCell::line)).startsWith(1, 2, 3);
        assertThat(svg).contains(">1 FROM<", ">12 ENV<");
    }

    @Test
    void shouldSayNoDataForAnEmptyHistory() throws Exception {
        ReportCharts empty = ChartHistories.charts(List.of());

        List<ReportChart> charts = ReportChartFactory.createAll(empty);
        assertThat(charts).hasSize(7); // six charts of builds and the Dockerfile, which has a history
        for (ReportChart chart : charts.subList(0, 6)) {
            Svg.assertPageReady(chart);
            assertThat(chart.svg()).contains("No data");
            assertThat(chart.png(300, 200)).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        }
    }

    @Test
    void shouldCountBuildsWhenNoBuildHasADuration() throws Exception {
        ReportCharts charts = ChartHistories.charts(ChartHistories.twoJobsWithoutDurations());

        for (ReportChart chart : ReportChartFactory.createAll(charts)) {
            Svg.assertPageReady(chart);
        }
        assertThat(CauseShareChart.create(charts.causeShares()).svg())
                .contains("no build durations known")
                .doesNotContain(CauseShareChart.HOURS);
        assertThat(DurationChart.create(charts.durations()).svg()).contains("No data");
        assertThat(WeeklyTrendChart.create(charts.weekly()).svg()).contains("builds per week");
    }

    @Test
    void shouldEncodePngsOfTheAskedSize() {
        byte[] png = CauseShareChart.create(DATA.causeShares()).png(640, 360);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        // the IHDR chunk holds width and height, big-endian, from byte 16
        assertThat(Arrays.copyOfRange(png, 16, 24)).containsExactly(0, 0, 2, (byte) 0x80, 0, 0, 1, 0x68);
    }
}
