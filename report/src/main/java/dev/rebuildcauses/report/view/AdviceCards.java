package dev.rebuildcauses.report.view;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceKind;
import dev.rebuildcauses.analysis.advice.AdviceRanking;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.report.csv.CsvNumbers;
import dev.rebuildcauses.report.pipeline.JobDockerfiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The advice of a report as cards, ranked across all jobs by hours saved a month. */
public final class AdviceCards {
    /** One ranking across jobs (analysis's): hours saved with durations, builds avoided without. */
    private AdviceCards() {}

    /** {@code advice} in the order of the ranking across jobs, negligible savings last. */
    public static List<Advice> ranked(List<Advice> advice) {
        return AdviceRanking.of(advice).all().stream()
                .map(AdviceRanking.Ranked::advice)
                .toList();
    }

    /** The advice worth showing in sentences: the ranking without the savings that round to zero. */
    public static List<Advice> shown(List<Advice> advice) {
        return AdviceRanking.of(advice).shown().stream()
                .map(AdviceRanking.Ranked::advice)
                .toList();
    }

    /** Every piece of advice as a card, ranked across jobs (negligible savings last). */
    public static List<AdviceCard> of(List<Advice> advice, List<JobDockerfiles> dockerfiles, AdvisorSettings settings) {
        Map<String, JobDockerfiles> byJob =
                dockerfiles.stream().collect(Collectors.toMap(JobDockerfiles::job, Function.identity(), (a, b) -> a));
        AdviceRanking ranking = AdviceRanking.of(advice);
        List<AdviceCard> cards = new ArrayList<>(advice.size());
        int rank = 0;
        for (AdviceRanking.Ranked ranked : ranking.all()) {
            Advice item = ranked.advice();
            rank++;
            JobDockerfiles files = byJob.get(item.job());
            cards.add(new AdviceCard(
                    rank,
                    item.job(),
                    item.kind().id(),
                    item.subject().isEmpty()
                            ? headline(item.kind())
                            : headline(item.kind()) + " (" + item.subject() + ")",
                    ranking.measure() == AdviceRanking.Measure.HOURS
                            ? saving(item.savingHoursPerMonth())
                            : AdviceRanking.describe(ranked.saving(), ranking.measure()),
                    CsvNumbers.hours(item.savingHoursPerMonth()),
                    item.evidence(),
                    item.action(),
                    assumptions(item.kind(), settings),
                    proposals(item, files == null ? Map.of() : files.current())));
        }
        return cards;
    }

    /** What the advice advises, in a few words. */
    public static String headline(AdviceKind kind) {
        return switch (kind) {
            case SHIP_CODE_SEPARATELY -> "Ship the code separately from the image";
            case BASE_IMAGE -> "Move the stable layers into a base image";
            case REORDER_CACHE -> "Install dependencies before copying the code";
            case REPLACE_EMPTY_COMMITS -> "Replace empty-commit rebuilds with a scheduled refresh";
            case SKIP_DOCS_AND_CI -> "Skip image builds for docs- and CI-only changes";
            case FAST_PATH_WHAT_IF -> "Take a fast path when only code changed";
        };
    }

    /** The saving in words, e.g. {@code 12.50 build hours a month}. */
    public static String saving(Double hoursPerMonth) {
        return hoursPerMonth == null
                ? "saving unknown (no build durations)"
                : CsvNumbers.hours(hoursPerMonth) + " build hours a month";
    }

    private static List<String> assumptions(AdviceKind kind, AdvisorSettings settings) {
        List<String> list = new ArrayList<>();
        if (settings == null) {
            return list;
        }
        String fastPath = settings.fastPathCostFraction() == null
                ? "a fast-path build costs the job's own 10th-percentile code build over its median build"
                        + " (--fast-path-cost to set it)"
                : String.format(
                        Locale.ROOT,
                        "a fast-path build costs %.0f%% of a median build (--fast-path-cost)",
                        settings.fastPathCostFraction() * 100);
        switch (kind) {
            case SHIP_CODE_SEPARATELY, FAST_PATH_WHAT_IF -> list.add(fastPath);
            case BASE_IMAGE -> {
                list.add("an instruction unchanged for " + settings.stableFor().toDays() / 7
                        + " weeks is stable (--stable-weeks)");
                list.add("a cold layer cache: every RUN of the prefix runs in every build");
            }
            case REORDER_CACHE -> list.add("moved install RUNs are cached for builds that change only code");
            case REPLACE_EMPTY_COMMITS -> list.add("the base image is rebuilt every "
                    + settings.refreshInterval().toDays() + " days (--refresh-days), each costing a median build");
            case SKIP_DOCS_AND_CI -> list.add("docs and CI changes never change what the image holds");
        }
        list.add("a month is 30.44 days of the job's observed span");
        list.add("savings of different advice overlap: do not add them up");
        return list;
    }

    private static List<ProposedFile> proposals(Advice advice, Map<String, String> current) {
        List<ProposedFile> files = new ArrayList<>();
        for (Map.Entry<String, String> proposal : advice.proposals().entrySet()) {
            String name = proposal.getKey();
            String against = origin(name, current);
            String before = against.isEmpty() ? "" : current.get(against);
            files.add(new ProposedFile(
                    name,
                    proposal.getValue(),
                    dataUrl(proposal.getValue()),
                    against,
                    LineDiff.of(before, proposal.getValue())));
        }
        return files;
    }

    /**
     * The Dockerfile a proposal rewrites: the job's only one, or the one whose path the proposal's folder
     * is named after (the advisor names it so when a job builds several).
     */
    static String origin(String proposal, Map<String, String> current) {
        if (current.size() == 1) {
            return current.keySet().iterator().next();
        }
        int slash = proposal.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String folder = proposal.substring(0, slash);
        return current.keySet().stream()
                .filter(path -> path.replaceAll("[^A-Za-z0-9._-]", "_").equals(folder))
                .findFirst()
                .orElse("");
    }

    private static String dataUrl(String content) {
        return "data:text/plain;charset=utf-8,"
                + URLEncoder.encode(content, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
