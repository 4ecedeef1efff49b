package dev.rebuildcauses.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {
    @TempDir
    Path directory;

    @Test
    void shouldWriteEachChartAsSvgAndPng() throws Exception {
        List<ReportChart> charts = ReportChartFactory.createAll(ChartHistories.charts(ChartHistories.twoJobs()));
        Path target = directory.resolve("charts");

        List<Path> written = ChartFiles.write(charts, target);

        assertThat(written).hasSize(2 * charts.size());
        assertThat(written.get(0)).isEqualTo(target.resolve("cause-shares.svg"));
        assertThat(written.get(1)).isEqualTo(target.resolve("cause-shares.png"));
        Svg.parse(Files.readString(target.resolve("combinations.svg")));
        assertThat(Files.readAllBytes(target.resolve("jobs.png"))).startsWith(0x89, 'P', 'N', 'G');
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
