package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.Commit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The advice that comes from a job's builds and their causes alone: no Dockerfile needed. */
final class BuildAdvisor {
    private static final Set<String> DOCS_AND_CI = Set.of(Causes.DOCS, Causes.CI);

    private final String job;
    private final BuildCosts costs;
    private final FastPathEstimate fastPath;
    private final AdvisorSettings settings;
    private final AdviceContext context;
    /** Builds whose every changed file is known to enter no image. */
    private final Selection entersNoImage;
    /** Builds that changed code alone. */
    private final Selection codeOnly;

    BuildAdvisor(
            String job, BuildCosts costs, FastPathEstimate fastPath, AdvisorSettings settings, AdviceContext context) {
        this.job = job;
        this.costs = costs;
        this.fastPath = fastPath;
        this.settings = settings;
        this.context = context;
        this.entersNoImage = costs.matching(context.entersNoImage());
        this.codeOnly = costs.withCauses(causes -> causes.isSolo(Causes.CODE));
    }

    private static boolean isDocsOrCiOnly(CauseSet causes) {
        int docsOrCi = 0;
        for (String cause : DOCS_AND_CI) {
            if (causes.contains(cause)) {
                docsOrCi++;
            }
        }
        return causes.size() > 0 && docsOrCi == causes.size();
    }

    List<Advice> advise() {
        List<Advice> advice = new ArrayList<>();
        shipCodeSeparately().ifPresent(advice::add);
        replaceEmptyCommits().ifPresent(advice::add);
        skipDocsAndCi().ifPresent(advice::add);
        fastPathWhatIf().ifPresent(advice::add);
        return advice;
    }

    private Optional<Advice> shipCodeSeparately() {
        // code-only builds whose code enters an image: those a loader would spare
        Selection shippable = codeOnly.andNot(entersNoImage);
        int count = costs.count(shippable);
        int codeBuilds = costs.count(costs.withCauses(causes -> causes.contains(Causes.CODE)));
        if (count == 0) {
            return Optional.empty();
        }
        double hours = costs.hours(shippable);
        int outside = costs.count(codeOnly.and(entersNoImage));
        String evidence = String.format(
                        Locale.ROOT,
                        "%d of %d builds (%s) changed only code; %d of the %d builds that touched code (%s) did so alone",
                        count,
                        costs.total(),
                        percent(count, costs.total()),
                        count,
                        codeBuilds,
                        percent(count, codeBuilds))
                + (outside > 0
                        ? String.format(
                                Locale.ROOT,
                                " (not counting %d more that changed only code no image copies: see skip-docs-and-ci)",
                                outside)
                        : "")
                + hoursClause(hours)
                + "; saving = code-only hours × (1 − fast-path cost), with " + fastPath.assumption() + ".";
        return Optional.of(new Advice(
                        job,
                        AdviceKind.SHIP_CODE_SEPARATELY,
                        saving(hours * (1 - fastPath.fraction())),
                        evidence,
                        "Ship the code separately from the image: keep the environment and dependencies in the image and let a"
                                + " generic loader fetch and run the code at start (or mount it), so a code-only change builds no image.",
                        Map.of())
                .withSavingBuildsPerMonth(costs.perMonth(count * (1 - fastPath.fraction()))));
    }

    private Optional<Advice> replaceEmptyCommits() {
        Selection empty = costs.withCauses(causes -> causes.contains(Causes.EMPTY_COMMIT));
        int count = costs.count(empty);
        if (count == 0) {
            return Optional.empty();
        }
        Selection solo = costs.withCauses(causes -> causes.isSolo(Causes.EMPTY_COMMIT));
        double hours = costs.hours(solo);
        double refreshesPerMonth =
                BuildCosts.DAYS_PER_MONTH / (settings.refreshInterval().toMillis() / 86_400_000.0);
        double[] all = costs.sortedHours(costs.all());
        double refreshHours = all.length == 0 ? 0 : refreshesPerMonth * BuildCosts.median(all);
        Double saving = costs.hasDurations() ? Math.max(0, costs.perMonth(hours) - refreshHours) : null;
        String evidence = String.format(
                        Locale.ROOT,
                        "%d builds came from empty commits (pushed to pick up upgraded dependencies), %d of them with nothing else",
                        count,
                        costs.count(solo))
                + (costs.hasDurations()
                        ? String.format(Locale.ROOT, "; those %d took %.1f h", costs.count(solo), hours)
                        : "")
                + "; pushed by " + authors(empty)
                + (costs.hasDurations()
                        ? String.format(
                                Locale.ROOT,
                                "; saving = their hours per month minus %.1f scheduled rebuilds a month (every %s) at the median build time",
                                refreshesPerMonth,
                                days(settings.refreshInterval().toMillis() / 86_400_000.0))
                        : "")
                + ".";
        return Optional.of(new Advice(
                        job,
                        AdviceKind.REPLACE_EMPTY_COMMITS,
                        saving,
                        evidence,
                        "Replace empty-commit rebuilds with a scheduled rebuild of the base image (e.g. a weekly Jenkins cron"
                                + " trigger on the base-image job) so upgraded dependencies arrive without anyone pushing empty commits.",
                        Map.of())
                .withSavingBuildsPerMonth(Math.max(0, costs.perMonth(costs.count(solo)) - refreshesPerMonth)));
    }

    private Optional<Advice> skipDocsAndCi() {
        Selection docsOrCi = costs.withCauses(BuildAdvisor::isDocsOrCiOnly);
        Selection only = docsOrCi.or(entersNoImage);
        int count = costs.count(only);
        if (count == 0) {
            return Optional.empty();
        }
        int docs = costs.count(costs.withCauses(causes -> causes.isSolo(Causes.DOCS)));
        int ci = costs.count(costs.withCauses(causes -> causes.isSolo(Causes.CI)));
        int docsOrCiCount = costs.count(docsOrCi);
        Selection outsideOnly = entersNoImage.andNot(docsOrCi);
        int outside = costs.count(outsideOnly);
        String outsideFolders = outside > 0 ? topFolders(outsideOnly) : "";
        double hours = costs.hours(only);
        String evidence = String.format(
                        Locale.ROOT,
                        "%d of %d builds (%s) changed only docs or CI files (%d docs only, %d CI only, %d both)",
                        docsOrCiCount,
                        costs.total(),
                        percent(docsOrCiCount, costs.total()),
                        docs,
                        ci,
                        docsOrCiCount - docs - ci)
                + (outside > 0
                        ? String.format(
                                Locale.ROOT,
                                "; %d more (%s) changed only files no built Dockerfile copies (%s)",
                                outside,
                                percent(outside, costs.total()),
                                outsideFolders)
                        : "")
                + hoursClause(hours)
                + "; saving = all of their hours"
                + (context.hasTriggerInPlace()
                        ? String.format(
                                Locale.ROOT,
                                ". Already in place: %s skips %d more pushes, not counted here; widen it to these",
                                context.triggerInPlace(),
                                context.skippedByTrigger())
                        : "")
                + ".";
        return Optional.of(new Advice(
                        job,
                        AdviceKind.SKIP_DOCS_AND_CI,
                        saving(hours),
                        evidence,
                        "Do not build the image for docs-only or CI-only changes"
                                + (outside > 0 ? " or changes to files no image copies" : "")
                                + ": add path filters to the trigger (ignore *.md, docs/**, the Jenkinsfile"
                                + (outside > 0 ? ", " + ignoredFolders(outsideFolders) : "")
                                + ") or skip the image stage with a changeset condition in the Jenkinsfile.",
                        Map.of())
                .withSavingBuildsPerMonth(costs.perMonth(count)));
    }

    private Optional<Advice> fastPathWhatIf() {
        Selection eligible = costs.withCauses(BuildCosts::isFastPathEligible);
        int count = costs.count(eligible);
        if (count == 0) {
            return Optional.empty();
        }
        double hours = costs.hours(eligible);
        double total = costs.hours(costs.all());
        double whatIf = total - hours * (1 - fastPath.fraction());
        String evidence = String.format(
                        Locale.ROOT,
                        "%d of %d builds (%s) changed neither environment nor dependency files",
                        count,
                        costs.total(),
                        percent(count, costs.total()))
                + (costs.hasDurations()
                        ? String.format(
                                Locale.ROOT,
                                "; they took %.1f h. Had they taken the fast path, the job would have spent %.1f h instead of %.1f h over %s",
                                hours,
                                whatIf,
                                total,
                                days(costs.spanDays()))
                        : "")
                + "; " + fastPath.assumption() + ".";
        return Optional.of(new Advice(
                        job,
                        AdviceKind.FAST_PATH_WHAT_IF,
                        saving(hours * (1 - fastPath.fraction())),
                        evidence,
                        "Add a fast path, as Dagster does: rebuild the dependencies image only when environment or dependency"
                                + " files change, and otherwise only a small code layer on top of the last one.",
                        Map.of())
                .withSavingBuildsPerMonth(costs.perMonth(count * (1 - fastPath.fraction()))));
    }

    /** The top folders of {@link #topFolders} as path-filter globs, e.g. {@code tests/**}. */
    private static String ignoredFolders(String topFolders) {
        return java.util.Arrays.stream(topFolders.split(", "))
                .filter(part -> part.contains("/ "))
                .map(part -> part.substring(0, part.indexOf("/ ") + 1) + "**")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Where the changed files of the matching builds lie, the top folders with most files first, e.g. {@code tests/ (97)}. */
    private String topFolders(Selection filter) {
        // counted by path first: a path recurs in many builds, its folder is cut out once
        Map<String, int[]> paths = new HashMap<>();
        costs.eachWithoutCommits(filter, build -> build.range().files().forEach(change -> paths.computeIfAbsent(
                        change.path(), path -> new int[1])[0]++));
        Map<String, Integer> folders = new TreeMap<>();
        paths.forEach((path, count) -> {
            int slash = path.indexOf('/');
            folders.merge(slash < 0 ? path : path.substring(0, slash + 1), count[0], Integer::sum);
        });
        List<String> parts = folders.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> e.getKey() + " " + e.getValue() + (e.getValue() == 1 ? " file" : " files"))
                .toList();
        return String.join(", ", parts) + (folders.size() > 3 ? ", …" : "");
    }

    private String hoursClause(double hours) {
        if (!costs.hasDurations()) {
            return "; no durations known, so no hours";
        }
        double total = costs.hours(costs.all());
        return String.format(
                Locale.ROOT,
                "; they took %.1f h (%s of %.1f h of build time over %s)",
                hours,
                total > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * hours / total) : "n/a",
                total,
                days(costs.spanDays()));
    }

    private Double saving(double hours) {
        return costs.hasDurations() ? costs.perMonth(hours) : null;
    }

    /** Who pushed the empty commits of {@code emptyCommitBuilds}, most first. */
    private String authors(Selection emptyCommitBuilds) {
        Map<String, Integer> counts = new TreeMap<>();
        // made whole only when it is an empty-commit build: the others' commits are not read
        costs.each(emptyCommitBuilds, build -> {
            for (Commit commit : build.range().commits()) {
                if (commit.isEmpty()) {
                    counts.merge(commit.author().isEmpty() ? "unknown" : commit.author(), 1, Integer::sum);
                }
            }
        });
        if (counts.isEmpty()) {
            return "unknown authors";
        }
        Map<String, Integer> ranked = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ranked.put(e.getKey(), e.getValue()));
        List<String> parts = new ArrayList<>();
        ranked.forEach((author, n) -> parts.add(author + " (" + n + ")"));
        return String.join(", ", parts);
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    static String days(double days) {
        return String.format(Locale.ROOT, "%.1f days", days);
    }
}
