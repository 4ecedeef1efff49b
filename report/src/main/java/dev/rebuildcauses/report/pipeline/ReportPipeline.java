package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.mine.SummaryWriter;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.ClassifiedBuilds;
import dev.rebuildcauses.report.advice.AdviceReportWriter;
import dev.rebuildcauses.report.advice.AdviceText;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import dev.rebuildcauses.report.csv.FilesCsvWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The one report pipeline of every host: builds with their change ranges in; classified, mined and
 * advised; the exports written (CSV, summary, advice, and the documents asked for). The command line,
 * the dashboard and the plugin differ only in where builds come from and where the result goes.
 * Immutable: each {@code with…} returns a new pipeline.
 */
public final class ReportPipeline {
    /** How many of the most recent builds keep every file's verdict for the pages. */
    public static final int EXPLAINED_BUILDS = 200;

    private final PathClassifier rules;
    private final BuildExplainer explainer;
    private final boolean writeFiles;
    private final AdviceStage advice;
    private final ProgressSink progress;
    private final Consumer<String> warnings;
    private final List<DocumentWriter> documents;

    private ReportPipeline(
            PathClassifier rules,
            BuildExplainer explainer,
            boolean writeFiles,
            AdviceStage advice,
            ProgressSink progress,
            Consumer<String> warnings,
            List<DocumentWriter> documents) {
        this.rules = rules;
        this.explainer = explainer;
        this.writeFiles = writeFiles;
        this.advice = advice;
        this.progress = progress;
        this.warnings = warnings;
        this.documents = List.copyOf(documents);
    }

    /** Classifies by {@code rules} alone, gives no advice, shows no progress and drops warnings. */
    public static ReportPipeline of(PathClassifier rules) {
        return new ReportPipeline(rules, null, false, null, ProgressSink.NONE, warning -> {}, List.of());
    }

    /**
     * This pipeline classifying with {@code explainer} (e.g. with inference) instead of the rules alone,
     * and writing {@code files.csv} (every file's cause and reason) when {@code writeFiles}.
     */
    public ReportPipeline explaining(BuildExplainer explainer, boolean writeFiles) {
        return new ReportPipeline(rules, explainer, writeFiles, advice, progress, warnings, documents);
    }

    /** This pipeline advising every job from its Dockerfiles, or giving no advice when {@code settings} is null. */
    public ReportPipeline advising(DockerfileSource dockerfiles, AdvisorSettings settings) {
        AdviceStage stage = settings == null ? null : new AdviceStage(dockerfiles, settings);
        return new ReportPipeline(rules, explainer, writeFiles, stage, progress, warnings, documents);
    }

    /**
     * This pipeline crediting the CI path filters already in place ({@code triggerInPlace}, which skipped
     * {@code skipped} pushes): advice.txt opens with them and the advice does not ask for them again.
     */
    public ReportPipeline crediting(String triggerInPlace, int skipped) {
        AdviceStage stage = advice == null ? null : advice.crediting(triggerInPlace, skipped);
        return new ReportPipeline(rules, explainer, writeFiles, stage, progress, warnings, documents);
    }

    /** This pipeline reporting progress to {@code progress} and warnings (one line each) to {@code warnings}. */
    public ReportPipeline observing(ProgressSink progress, Consumer<String> warnings) {
        return new ReportPipeline(rules, explainer, writeFiles, advice, progress, warnings, documents);
    }

    /** This pipeline also writing {@code document} (e.g. the HTML report) beside the CSV exports. */
    public ReportPipeline writing(DocumentWriter document) {
        List<DocumentWriter> more = new ArrayList<>(documents);
        more.add(document);
        return new ReportPipeline(rules, explainer, writeFiles, advice, progress, warnings, more);
    }

    /** Whether the pipeline gives advice. */
    public boolean isAdvising() {
        return advice != null;
    }

    /** Classifies, mines and advises {@code builds} without writing anything (the dashboard's use). */
    public Report analyse(List<BuildChanges> builds) throws IOException, SourceException {
        return run(builds, null);
    }

    /**
     * Classifies, mines and advises {@code history} one job at a time without writing anything (the
     * dashboard's use over a large store): only one job's commits and files are in memory at once; each
     * classified build goes to {@code rows} when its job is done, and mining reads them back from there.
     * Jobs are analysed in the order {@link JobHistories#jobs()} lists them (their builds reach {@code rows}
     * in that order); advice is listed by job name, as {@link #analyse} lists it. The report equals
     * {@link #analyse} of the whole history listed job by job in that order, except that its
     * {@link Report#builds()} is empty: the builds are in {@code rows}.
     */
    public Report analyseByJob(JobHistories history, BuildRows rows) throws IOException, SourceException {
        boolean explaining = explainer != null || writeFiles;
        BuildExplainer by = explainer == null ? BuildExplainer.rulesOnly(rules) : explainer;
        BuildClassifier classifier = new BuildClassifier(rules);
        RecentVerdicts recent = new RecentVerdicts(EXPLAINED_BUILDS);
        Map<String, AdviceStage.Outcome> advisedByJob = new TreeMap<>(); // by name, as the whole history's
        ProgressSink.Progress bar = progress.start("builds classified");
        long done = 0;
        try {
            for (String job : new LinkedHashSet<>(history.jobs())) {
                List<BuildChanges> builds = history.builds(job);
                List<ClassifiedBuild> classified = new ArrayList<>(builds.size());
                BuildKeySet outsideImages = new BuildKeySet();
                for (BuildChanges build : builds) {
                    if (explaining) {
                        ExplainedBuild verdicts = explainFailing(by, build);
                        classified.add(verdicts.build());
                        if (verdicts.entersNoImage()) {
                            outsideImages.add(build.build());
                        }
                        recent.offer(build.build(), verdicts.files());
                    } else {
                        classified.add(classifier.classify(build));
                    }
                }
                if (advice != null) {
                    advisedByJob.put(job, advice.run(classified, b -> outsideImages.contains(b.build()), warnings));
                }
                classified.forEach(rows::add);
                done += classified.size();
                bar.update(done, done);
            }
        } finally {
            bar.finish();
        }
        Timing.mark("classified");
        List<Advice> adviceList = new ArrayList<>();
        List<JobDockerfiles> dockerfiles = new ArrayList<>();
        advisedByJob.values().forEach(advised -> {
            adviceList.addAll(advised.advice());
            dockerfiles.addAll(advised.dockerfiles());
        });
        Findings findings = FindingsMiner.mine(rows.classified());
        Timing.mark("mined");
        List<String> summary = SummaryWriter.sentences(findings);
        List<String> inPlace = advice == null ? List.of() : advice.inPlace();
        List<String> adviceText = advice == null ? List.of() : AdviceText.lines(adviceList, inPlace);
        return new Report(
                List.of(),
                findings,
                summary,
                adviceList,
                adviceText,
                dockerfiles,
                explaining ? recent.byBuild() : Map.of(),
                advice == null ? null : advice.settings());
    }

    /**
     * Runs the pipeline over {@code builds} (in the order the exports list them) and writes the exports
     * into {@code outDir}, which must exist; {@code null} writes nothing.
     */
    public Report run(List<BuildChanges> builds, Path outDir) throws IOException, SourceException {
        BuildKeySet recent = new BuildKeySet();
        for (BuildChanges build :
                RecentBuilds.newest(ChangesOmitted.view(builds), BuildChanges::build, EXPLAINED_BUILDS)) {
            recent.add(build.build());
        }
        Map<BuildKey, List<FileVerdict>> explained = new HashMap<>();
        BuildKeySet outsideImages = new BuildKeySet();
        List<ClassifiedBuild> classified = explainer == null && !writeFiles
                ? classify(builds)
                : explain(builds, outDir, recent, explained, outsideImages);
        Timing.mark("classified");
        // builds.csv, the biggest export, needs no findings: a second core writes it while this one mines
        CsvReportWriter writer = outDir == null ? null : new CsvReportWriter(outDir);
        FutureTask<Path> buildsCsv = new FutureTask<>(() -> writer == null ? null : writer.writeBuilds(classified));
        Thread buildsWriter = new Thread(buildsCsv, "builds-csv");
        buildsWriter.setDaemon(true);
        buildsWriter.start();
        Findings findings;
        List<String> summary;
        AdviceStage.Outcome advised;
        try {
            findings = FindingsMiner.mine(classified);
            Timing.mark("mined");
            summary = SummaryWriter.sentences(findings);
            Timing.mark("summarised");
            // advised while builds.csv is still being written, not after
            advised = advice == null
                    ? new AdviceStage.Outcome(List.of(), List.of())
                    : advice.run(classified, b -> outsideImages.contains(b.build()), warnings);
            Timing.mark("advised");
        } catch (RuntimeException | SourceException e) {
            finishWriting(buildsWriter); // an exit now would leave a half-written temporary file behind
            throw e;
        }
        try {
            await(buildsCsv);
            if (writer != null) {
                writer.writeFindings(findings, summary);
            }
        } catch (IOException e) {
            throw new IOException("cannot write the report to " + outDir + ": " + e, e);
        }
        Timing.mark("report written");
        List<Advice> adviceList = advised.advice();
        List<String> inPlace = advice == null ? List.of() : advice.inPlace();
        List<String> adviceText = advice == null ? List.of() : AdviceText.lines(adviceList, inPlace);
        if (advice != null && outDir != null) {
            AdviceReportWriter.write(adviceList, inPlace, outDir);
            Timing.mark("advice written");
        }
        Report report = new Report(
                classified,
                findings,
                summary,
                adviceList,
                adviceText,
                advised.dockerfiles(),
                explained,
                advice == null ? null : advice.settings());
        if (outDir != null) {
            for (DocumentWriter document : documents) {
                document.write(report, outDir);
                Timing.mark("document written");
            }
        }
        return report;
    }

    private List<ClassifiedBuild> classify(List<BuildChanges> builds) {
        BuildClassifier classifier = new BuildClassifier(rules);
        ClassifiedBuilds.Collector classified = ClassifiedBuilds.collecting(builds);
        int done = 0;
        ProgressSink.Progress bar = progress.start("builds classified");
        try {
            for (BuildChanges build : builds) {
                classified.add(classifier.classify(build));
                done++;
                if ((done & 0x3ff) == 0) {
                    bar.update(done, builds.size());
                }
            }
            bar.update(done, builds.size());
        } finally {
            bar.finish();
        }
        return classified.classified();
    }

    /** Classifies with the explainer, streaming every file's verdict to {@code files.csv} when asked. */
    private List<ClassifiedBuild> explain(
            List<BuildChanges> builds,
            Path outDir,
            BuildKeySet recent,
            Map<BuildKey, List<FileVerdict>> explained,
            BuildKeySet outsideImages)
            throws IOException {
        BuildExplainer by = explainer == null ? BuildExplainer.rulesOnly(rules) : explainer;
        ClassifiedBuilds.Collector classified = ClassifiedBuilds.collecting(builds);
        int done = 0;
        ProgressSink.Progress bar = progress.start("builds classified");
        try (FilesCsvWriter files = writeFiles && outDir != null ? FilesCsvWriter.open(outDir) : null) {
            List<BuildChanges> commitless = ChangesOmitted.withoutCommitsView(builds);
            for (int i = 0, size = builds.size(); i < size; i++) {
                BuildChanges build = toExplain(builds, commitless, i);
                ExplainedBuild verdicts = explainFailing(by, build);
                classified.add(verdicts.build());
                done++;
                if (files != null) {
                    files.write(verdicts);
                }
                if (verdicts.entersNoImage()) {
                    outsideImages.add(build.build());
                }
                if (recent.contains(build.build())) {
                    explained.put(BuildKey.of(build.build()), verdicts.files());
                }
                if ((done & 0xff) == 0) {
                    bar.update(done, builds.size());
                }
            }
            bar.update(done, builds.size());
            if (files != null) {
                files.commit();
            }
        } finally {
            bar.finish();
        }
        return classified.classified();
    }

    /**
     * Build {@code i} as an explainer needs it: over builds made on demand, without its commits when it
     * changed files (the verdicts read the files and the range's ends; only a range without files needs
     * its commits, to tell an empty commit from no new commit). Spelling out every commit's id, time and
     * message was most of a million-build explanation pass.
     */
    private static BuildChanges toExplain(List<BuildChanges> builds, List<BuildChanges> commitless, int i) {
        BuildChanges light = commitless.get(i);
        return light.range().files().isEmpty() ? builds.get(i) : light;
    }

    private static ExplainedBuild explainFailing(BuildExplainer by, BuildChanges build) throws IOException {
        try {
            return by.explain(build);
        } catch (SnapshotException e) {
            throw new IOException(
                    "cannot read the repository for build " + build.build().job() + " #"
                            + build.build().number() + ": " + e.getMessage(),
                    e);
        }
    }

    private static void finishWriting(Thread writer) {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(FutureTask<Path> write) throws IOException {
        try {
            write.get();
        } catch (InterruptedException e) {
            write.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing builds.csv");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
