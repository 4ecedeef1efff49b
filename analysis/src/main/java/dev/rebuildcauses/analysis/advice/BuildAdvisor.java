package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.Commit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The advice that comes from a job's builds and their causes alone: no Dockerfile needed. */
final class BuildAdvisor {
    private static final Set<String> DOCS_AND_CI = Set.of(Causes.DOCS, Causes.CI);

    private final String job;
    private final BuildCosts costs;
    private final FastPathEstimate fastPath;
    private final AdvisorSettings settings;
    private final Predicate<ClassifiedBuild> entersNoImage;
    private final AdviceContext context;

    BuildAdvisor(
            String job, BuildCosts costs, FastPathEstimate fastPath, AdvisorSettings settings, AdviceContext context) {
        this.job = job;
        this.costs = costs;
        this.fastPath = fastPath;
        this.settings = settings;
        this.entersNoImage = costs.remembered(context.entersNoImage());
        this.context = context;
    }

    /** Code-only builds whose code enters an image: those a loader would spare. */
    private boolean isShippableCodeOnly(ClassifiedBuild build) {
        return BuildCosts.isCodeOnly(build) && !entersNoImage.test(build);
    }

    private boolean isDocsOrCiOnly(ClassifiedBuild build) {
        int docsOrCi = 0;
        for (String cause : DOCS_AND_CI) {
            if (build.causes().contains(cause)) {
                docsOrCi++;
            }
        }
        return build.causes().size() > 0 && docsOrCi == build.causes().size();
    }

    List<Advice> advise(List<ClassifiedBuild> builds) {
        List<Advice> advice = new ArrayList<>();
        shipCodeSeparately().ifPresent(advice::add);
        replaceEmptyCommits(builds).ifPresent(advice::add);
        skipDocsAndCi().ifPresent(advice::add);
        fastPathWhatIf().ifPresent(advice::add);
        return advice;
    }

    private Optional<Advice> shipCodeSeparately() {
        int count = costs.count(this::isShippableCodeOnly);
        int codeBuilds = costs.count(b -> b.has(Causes.CODE));
        if (count == 0) {
            return Optional.empty();
        }
        double hours = costs.hours(this::isShippableCodeOnly);
        int outside = costs.count(b -> BuildCosts.isCodeOnly(b) && entersNoImage.test(b));
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
                + hoursClause(hours, b -> true)
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

    private Optional<Advice> replaceEmptyCommits(List<ClassifiedBuild> builds) {
        int count = costs.count(b -> b.has(Causes.EMPTY_COMMIT));
        if (count == 0) {
            return Optional.empty();
        }
        Predicate<ClassifiedBuild> solo = b -> b.causes().isSolo(Causes.EMPTY_COMMIT);
        double hours = costs.hours(solo);
        double refreshesPerMonth =
                BuildCosts.DAYS_PER_MONTH / (settings.refreshInterval().toMillis() / 86_400_000.0);
        double[] all = costs.sortedHours(b -> true);
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
                + "; pushed by " + authors(builds)
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
        Predicate<ClassifiedBuild> docsOrCi = this::isDocsOrCiOnly;
        Predicate<ClassifiedBuild> only = docsOrCi.or(entersNoImage);
        int count = costs.count(only);
        if (count == 0) {
            return Optional.empty();
        }
        int docs = costs.count(b -> b.causes().isSolo(Causes.DOCS));
        int ci = costs.count(b -> b.causes().isSolo(Causes.CI));
        int docsOrCiCount = costs.count(docsOrCi);
        Predicate<ClassifiedBuild> outsideOnly = docsOrCi.negate().and(entersNoImage);
        int outside = costs.count(outsideOnly);
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
                                topFolders(outsideOnly))
                        : "")
                + hoursClause(hours, b -> true)
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
                                + (outside > 0 ? ", " + ignoredFolders(outsideOnly) : "")
                                + ") or skip the image stage with a changeset condition in the Jenkinsfile.",
                        Map.of())
                .withSavingBuildsPerMonth(costs.perMonth(count)));
    }

    private Optional<Advice> fastPathWhatIf() {
        int count = costs.count(BuildCosts::isFastPathEligible);
        if (count == 0) {
            return Optional.empty();
        }
        double hours = costs.hours(BuildCosts::isFastPathEligible);
        double total = costs.hours(b -> true);
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
    private String ignoredFolders(Predicate<ClassifiedBuild> filter) {
        return java.util.Arrays.stream(topFolders(filter).split(", "))
                .filter(part -> part.contains("/ "))
                .map(part -> part.substring(0, part.indexOf("/ ") + 1) + "**")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Where the changed files of the matching builds lie, the top folders with most files first, e.g. {@code tests/ (97)}. */
    private String topFolders(Predicate<ClassifiedBuild> filter) {
        Map<String, Integer> folders = new TreeMap<>();
        costs.each(filter, build -> build.range().files().forEach(change -> {
            String path = change.path();
            int slash = path.indexOf('/');
            folders.merge(slash < 0 ? path : path.substring(0, slash + 1), 1, Integer::sum);
        }));
        List<String> parts = folders.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> e.getKey() + " " + e.getValue() + (e.getValue() == 1 ? " file" : " files"))
                .toList();
        return String.join(", ", parts) + (folders.size() > 3 ? ", …" : "");
    }

    private String hoursClause(double hours, Predicate<ClassifiedBuild> all) {
        if (!costs.hasDurations()) {
            return "; no durations known, so no hours";
        }
        double total = costs.hours(all);
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

    private static String authors(List<ClassifiedBuild> builds) {
        Map<String, Integer> counts = new TreeMap<>();
        List<ClassifiedBuild> omitting = ChangesOmitted.view(builds);
        for (int i = 0; i < builds.size(); i++) {
            // made whole only when it is an empty-commit build: the others' commits are not read
            if (!omitting.get(i).has(Causes.EMPTY_COMMIT)) {
                continue;
            }
            for (Commit commit : builds.get(i).range().commits()) {
                if (commit.isEmpty()) {
                    counts.merge(commit.author().isEmpty() ? "unknown" : commit.author(), 1, Integer::sum);
                }
            }
        }
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
