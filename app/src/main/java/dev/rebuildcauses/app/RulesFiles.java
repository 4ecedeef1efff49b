package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The path rules a command classifies with: the defaults, or a rules file that extends or replaces them. */
final class RulesFiles {
    private RulesFiles() {}

    /** The default rules when {@code rulesFile} is {@code null}, else the file's; an unreadable file is a usage failure. */
    static PathClassifier load(Path rulesFile) throws RulesFormatException, CommandFailure {
        if (rulesFile == null) {
            return RuleSet.defaults();
        }
        if (!Files.isRegularFile(rulesFile) || !Files.isReadable(rulesFile)) {
            throw new CommandFailure(ExitCode.BAD_RULES_FILE, rulesFile + ": cannot read the rules file");
        }
        return RuleSet.fromFile(rulesFile);
    }
}
