package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.csvinput.BuildsCsvReader;
import dev.rebuildcauses.harvest.csvinput.BuildsFileException;
import dev.rebuildcauses.harvest.git.FirstParentHistory;
import dev.rebuildcauses.harvest.git.GitRepository;
import dev.rebuildcauses.harvest.git.RangeResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;

/** Wires {@code scan}: repository, rules and builds in, the report pipeline out. */
final class ScanRunner {
    private final PrintWriter out;
    private final PrintWriter err;

    ScanRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    Findings run(ScanConfig config)
            throws HarvestException, RulesFormatException, BuildsFileException, CommandFailure, IOException {
        // cheap checks first, so a typo fails before a long history walk
        GitRepository repository = GitRepository.open(config.repository());
        PathClassifier rules = rules(config);
        List<Build> listed = config.buildsFile() == null ? null : BuildsCsvReader.read(config.buildsFile());

        ProgressBar walk = new ProgressBar(err, "commits", !config.quiet());
        FirstParentHistory history;
        try {
            history = repository.firstParentHistory(config.branch(), walk::update);
        } finally {
            walk.finish();
        }
        List<BuildChanges> builds;
        if (listed == null) {
            builds = history.asBuilds(repository.name());
        } else {
            ProgressBar join = new ProgressBar(err, "builds joined", !config.quiet());
            try {
                builds = new RangeResolver(repository, history).join(listed, join::update);
            } finally {
                join.finish();
            }
        }
        return new ReportPipeline(rules, config.outDir(), config.quiet(), out, err).run(builds);
    }

    private static PathClassifier rules(ScanConfig config) throws RulesFormatException, CommandFailure {
        if (config.rulesFile() == null) {
            return RuleSet.defaults();
        }
        if (!Files.isRegularFile(config.rulesFile()) || !Files.isReadable(config.rulesFile())) {
            throw new CommandFailure(ExitCode.BAD_RULES_FILE, config.rulesFile() + ": cannot read the rules file");
        }
        return RuleSet.fromFile(config.rulesFile());
    }
}
