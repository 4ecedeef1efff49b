package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.dockerfile.BaseImageProposal;
import dev.rebuildcauses.analysis.dockerfile.BaseImageProposer;
import dev.rebuildcauses.analysis.dockerfile.CacheBreak;
import dev.rebuildcauses.analysis.dockerfile.CacheOrderAnalyzer;
import dev.rebuildcauses.analysis.dockerfile.CacheReorder;
import dev.rebuildcauses.analysis.dockerfile.Dockerfile;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileParser;
import dev.rebuildcauses.analysis.dockerfile.Instruction;
import dev.rebuildcauses.analysis.dockerfile.InstructionStability;
import dev.rebuildcauses.analysis.dockerfile.InstructionStabilityMiner;
import dev.rebuildcauses.analysis.dockerfile.ParseWarning;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.analysis.model.Causes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The advice that comes from a job's Dockerfiles: a base image from the stable prefix, and cache-friendly order. */
final class DockerfileAdvisor {
    private final String job;
    private final BuildCosts costs;
    private final AdvisorSettings settings;
    private final boolean severalFiles;

    DockerfileAdvisor(String job, BuildCosts costs, AdvisorSettings settings, boolean severalFiles) {
        this.job = job;
        this.costs = costs;
        this.settings = settings;
        this.severalFiles = severalFiles;
    }

    List<Advice> advise(DockerfileHistory history, Instant lastBuild) {
        Dockerfile current = DockerfileParser.parse(history.current().content());
        if (!current.isClean()) {
            // the build-based advice still comes out; say why this file gave none
            return List.of();
        }
        List<Advice> advice = new ArrayList<>();
        Instant asOf = settings.asOf() != null
                ? settings.asOf()
                : lastBuild != null ? lastBuild : history.current().time();
        StabilityTable table = InstructionStabilityMiner.mine(history, asOf, settings.stableFor());
        BaseImageProposer.propose(table, baseImageName()).ifPresent(p -> advice.add(baseImage(table, p)));
        CacheOrderAnalyzer.analyse(history.path(), current).ifPresent(r -> advice.add(reorder(r)));
        return advice;
    }

    /** Why a file gave no Dockerfile advice, or empty when it parsed cleanly. */
    static Optional<String> unusable(DockerfileHistory history) {
        Dockerfile current = DockerfileParser.parse(history.current().content());
        if (current.isClean()) {
            return Optional.empty();
        }
        ParseWarning first = current.warnings().get(0);
        return Optional.of(history.path() + ":" + first.line() + ": " + first.message());
    }

    private Advice baseImage(StabilityTable table, BaseImageProposal proposal) {
        long prefixRuns = proposal.prefix().stream().filter(i -> i.is("RUN")).count();
        long allRuns =
                table.current().instructions().stream().filter(i -> i.is("RUN")).count();
        double share = allRuns == 0 ? 0 : (double) prefixRuns / allRuns;
        double hours = costs.hours(costs.all()) * share;
        Instruction first = proposal.prefix().get(0);
        Instruction last = proposal.prefix().get(proposal.prefix().size() - 1);
        Instruction stop = proposal.rest().get(0);
        InstructionStability stopRow = table.rows().stream()
                .filter(r -> r.instruction() == stop)
                .findFirst()
                .orElseThrow();
        String why = stopRow.stable()
                ? "brings code"
                : String.format(
                        Locale.ROOT, "changed %d times, last on %s", stopRow.changes(), date(stopRow.lastChanged()));
        String evidence = String.format(
                        Locale.ROOT,
                        "%s (%d revision%s): lines %d–%d of the final stage (%d instructions, %d of the file's %d RUNs) have not"
                                + " changed for %d weeks and bring no code; line %d %s. ",
                        table.path(),
                        table.revisions(),
                        table.revisions() == 1 ? "" : "s",
                        first.line(),
                        last.endLine(),
                        proposal.prefix().size(),
                        prefixRuns,
                        allRuns,
                        settings.stableFor().toDays() / 7,
                        stop.line(),
                        why)
                + (costs.hasDurations()
                        ? String.format(
                                Locale.ROOT,
                                "Saving = %.1f h of build time × %d/%d, assuming builds run without a warm layer cache (fresh"
                                        + " agents) and every RUN takes an equal share of a build. ",
                                costs.hours(costs.all()),
                                prefixRuns,
                                allRuns)
                        : "")
                + "Instruction stability:\n"
                + String.join("\n", table.render());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(prefix(table.path()) + "Dockerfile.base", proposal.baseDockerfile());
        files.put(prefix(table.path()) + "Dockerfile", proposal.dockerfile());
        return new Advice(
                        job,
                        AdviceKind.BASE_IMAGE,
                        costs.hasDurations() ? costs.perMonth(hours) : null,
                        evidence,
                        "Build lines " + first.line() + "–" + last.endLine() + " of " + table.path()
                                + " as a base image ("
                                + proposal.baseImage()
                                + ", from the proposed Dockerfile.base, rebuilt on a schedule or when it"
                                + " changes) and start the job's Dockerfile FROM it (the proposed Dockerfile).",
                        files)
                .withSavingBuildsPerMonth(costs.perMonth(costs.total() * share))
                .about(table.path());
    }

    private Advice reorder(CacheReorder reorder) {
        Selection codeBuilds =
                costs.withCauses(causes -> causes.contains(Causes.CODE) && BuildCosts.isFastPathEligible(causes));
        double share =
                reorder.runInstructions() == 0 ? 0 : (double) reorder.movedInstalls() / reorder.runInstructions();
        double hours = costs.hours(codeBuilds) * share;
        String breaks =
                reorder.breaks().stream().map(b -> describe(reorder.path(), b)).collect(Collectors.joining("; "));
        String evidence = breaks + ": every code change re-runs these installs"
                + (costs.hasDurations()
                        ? String.format(
                                Locale.ROOT,
                                ". %d code builds without environment or dependency changes took %.1f h; saving = that × %d/%d,"
                                        + " assuming every RUN takes an equal share of a build.",
                                costs.count(codeBuilds),
                                costs.hours(codeBuilds),
                                reorder.movedInstalls(),
                                reorder.runInstructions())
                        : ".");
        List<String> manifestLines = reorder.breaks().stream()
                .flatMap(b -> b.manifestCopies().stream())
                .toList();
        String action = "Copy the dependency manifests first"
                + (manifestLines.isEmpty() ? "" : " (" + String.join("; ", manifestLines) + ")")
                + ", install, then copy the code: see the reordered " + reorder.path() + " (Dockerfile.reordered).";
        return new Advice(
                        job,
                        AdviceKind.REORDER_CACHE,
                        costs.hasDurations() ? costs.perMonth(hours) : null,
                        evidence,
                        action,
                        Map.of(prefix(reorder.path()) + "Dockerfile.reordered", reorder.reorderedDockerfile()))
                .withSavingBuildsPerMonth(costs.perMonth(costs.count(codeBuilds) * share))
                .about(reorder.path());
    }

    private static String describe(String path, CacheBreak found) {
        String installs =
                found.installs().stream().map(i -> Integer.toString(i.line())).collect(Collectors.joining(", "));
        return path + ":" + found.codeCopy().line() + " "
                + abbreviate(found.codeCopy().keyword() + " " + found.codeCopy().arguments())
                + " comes before the dependency install" + (found.installs().size() > 1 ? "s at lines " : " at line ")
                + installs;
    }

    private String prefix(String path) {
        if (!severalFiles) {
            return "";
        }
        return path.replaceAll("[^A-Za-z0-9._-]", "_") + "/";
    }

    private String baseImageName() {
        if (settings.baseImageName() != null) {
            return settings.baseImageName();
        }
        String name = job.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._/-]", "-");
        return name + "-base:latest";
    }

    private static String abbreviate(String text) {
        String single = text.replaceAll("\\s+", " ");
        return single.length() > 60 ? single.substring(0, 59) + "…" : single;
    }

    private static String date(Instant instant) {
        return instant.toString().substring(0, 10);
    }
}
