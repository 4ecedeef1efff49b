package dev.rebuildcauses.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.report.pipeline.DockerfileSource;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
    private static final String HOSTILE_JOB = "<script>alert(1)</script>";
    private static final String HOSTILE_MESSAGE = "<img src=x onerror=alert(2)>";

    @TempDir
    Path out;

    private String report(List<BuildChanges> builds) throws Exception {
        ReportPipeline pipeline = ReportPipeline.of(RuleSet.defaults())
                .advising(DockerfileSource.NONE, AdvisorSettings.defaults())
                .writing(new HtmlReportWriter(ReportScope.of("test & <b>bold</b>", ""), ChartSet::render));
        pipeline.run(builds, out);
        return Files.readString(out.resolve(HtmlReportWriter.FILE_NAME), StandardCharsets.UTF_8);
    }

    @Test
    void shouldRenderHostileJobNamesAndCommitMessagesAsText() throws Exception {
        // Given a job and a commit message that are HTML
        List<BuildChanges> builds = new ArrayList<>(Histories.mixed(HOSTILE_JOB, HOSTILE_MESSAGE));
        builds.addAll(Histories.mixed("images/base", "plain message"));

        // When
        String html = report(builds);

        // Then they appear escaped and the page holds exactly one script: its own
        assertThat(html).doesNotContain(HOSTILE_JOB).doesNotContain(HOSTILE_MESSAGE);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("&lt;img src=x onerror=alert(2)&gt;");
        assertThat(html).doesNotContain("<b>bold</b>").contains("test &amp; &lt;b&gt;bold&lt;/b&gt;");
        assertThat(count(html, "<script")).isEqualTo(1);
    }

    @Test
    void shouldAllowOnlyItsOwnInlineScriptAndNoOtherHost() throws Exception {
        // When
        String html = report(Histories.mixed("images/base", "m"));

        // Then the CSP names the hash of the script it carries and no host
        Matcher csp = Pattern.compile("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                        + "script-src &#39;(sha256-[A-Za-z0-9+/=]+)&#39;\"|script-src '(sha256-[A-Za-z0-9+/=]+)'")
                .matcher(html);
        assertThat(csp.find()).isTrue();
        String hash = csp.group(1) != null ? csp.group(1) : csp.group(2);
        String script = html.substring(html.lastIndexOf("<script>") + 8, html.lastIndexOf("</script>"));
        assertThat(hash).isEqualTo(HtmlReportWriter.scriptHash(script));
        assertThat(html).doesNotContainPattern("(src|href)=\"https?://");
    }

    @Test
    void shouldShowTheSeedFindingsAsTheNumbersOfTheCsvExport() throws Exception {
        // When
        String html = report(Histories.mixed("images/base", "m"));

        // Then every figure names its export cell and carries that cell's text
        CSVRecord code = causes().stream()
                .filter(row -> row.get("cause").equals("code"))
                .findFirst()
                .orElseThrow();
        assertThat(figure(html, "code-builds")).isEqualTo(code.get("builds_share"));
        assertThat(figure(html, "code-hours")).isEqualTo(code.get("hours_share"));
        assertThat(figure(html, "code-alone")).isEqualTo(code.get("solo_share"));
        CSVRecord ci = causes().stream()
                .filter(row -> row.get("cause").equals("ci"))
                .findFirst()
                .orElseThrow();
        assertThat(figure(html, "ci-alone")).isEqualTo(ci.get("solo_share"));
        CSVRecord empty = causes().stream()
                .filter(row -> row.get("cause").equals("empty-commit"))
                .findFirst()
                .orElseThrow();
        assertThat(figure(html, "empty-commit-hours")).isEqualTo(empty.get("hours_share"));
        // shown as a percentage with the export's digits
        assertThat(html)
                .contains(new java.math.BigDecimal(code.get("builds_share"))
                                .movePointRight(2)
                                .toPlainString() + "%");
    }

    @Test
    void shouldWriteAReadableReportForAnEmptyHistoryAndForOneBuild() throws Exception {
        assertThat(report(List.of()))
                .contains("There are no builds in this report")
                .contains("</html>");
        assertThat(report(Histories.job("solo", "m", List.of(List.of()))))
                .contains("1 build of 1 job")
                .contains("first-build")
                .contains("</html>");
    }

    @Test
    void shouldRankAdviceAcrossJobsBySavingAndLinkEveryProposedFile() throws Exception {
        // Given two jobs, the second with twice the builds (so larger savings)
        List<BuildChanges> builds = new ArrayList<>(Histories.mixed("images/small", "m"));
        builds.addAll(Histories.mixed("images/large", "m"));
        builds.addAll(Histories.mixed("images/large-2", "m"));

        // When
        Report report = ReportPipeline.of(RuleSet.defaults())
                .advising(DockerfileSource.NONE, AdvisorSettings.defaults())
                .analyse(builds);
        ReportPage page = ReportPageBuilder.build(report, List.of(), ReportScope.of("t", ""));

        // Then the cards are in descending order of saving, numbered from 1
        List<Double> savings = page.advice().stream()
                .filter(card -> !card.savingHours().isEmpty())
                .map(card -> Double.parseDouble(card.savingHours()))
                .toList();
        assertThat(savings).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(page.advice().get(0).rank()).isEqualTo(1);
        assertThat(page.advice()).extracting(card -> card.job()).contains("images/small", "images/large");
    }

    @Test
    void shouldNameEachDockerfileOfAJobAndShowItsStabilityTableInColumns() throws Exception {
        // Given a job that builds two Dockerfiles, both stable for 100 days before its builds
        String text = String.join(
                "\n",
                "FROM python:3.12-slim",
                "RUN apt-get update && apt-get install -y gcc",
                "WORKDIR /app",
                "COPY . .",
                "RUN pip install -r requirements.txt",
                "CMD [\"python\", \"main.py\"]",
                "");
        java.time.Instant old = Histories.START.minus(java.time.Duration.ofDays(100));
        List<DockerfileHistory> dockerfiles = List.of(
                new DockerfileHistory("Dockerfile", List.of(new DockerfileRevision("a", old, text))),
                new DockerfileHistory("gpu/Dockerfile", List.of(new DockerfileRevision("a", old, text))));
        ReportPipeline pipeline = ReportPipeline.of(RuleSet.defaults())
                .advising(job -> dockerfiles, AdvisorSettings.defaults())
                .writing(new HtmlReportWriter(ReportScope.of("t", ""), ChartSet::render));

        // When the report is written
        pipeline.run(Histories.mixed("images/torch", "m"), out);
        String html = Files.readString(out.resolve(HtmlReportWriter.FILE_NAME), StandardCharsets.UTF_8);

        // Then each base-image card names its Dockerfile, and the table under its evidence keeps its lines
        assertThat(html)
                .contains("<h3>Move the stable layers into a base image (Dockerfile)</h3>")
                .contains("<h3>Move the stable layers into a base image (gpu/Dockerfile)</h3>");
        Matcher table = Pattern.compile("<pre class=\"evidence\">([^<]*)</pre>").matcher(html);
        assertThat(table.find()).as("an evidence table").isTrue();
        assertThat(table.group(1).split("\n"))
                .hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(line -> assertThat(line).contains("stable").contains("FROM python:3.12-slim"));
    }

    private List<CSVRecord> causes() throws IOException {
        try (Reader reader = Files.newBufferedReader(out.resolve("causes.csv"))) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)
                    .getRecords();
        }
    }

    private static String figure(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"figure-" + id + "\"[^>]*data-exported=\"([^\"]*)\"")
                .matcher(html);
        assertThat(matcher.find()).as("figure " + id).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
