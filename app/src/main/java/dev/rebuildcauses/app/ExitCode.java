package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.csvinput.BuildsFileException;
import dev.rebuildcauses.harvest.git.NotAGitRepositoryException;
import dev.rebuildcauses.harvest.git.UnknownBranchException;
import dev.rebuildcauses.service.RefreshException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code of the command line, one per kind of failure a script may want to tell apart. */
public enum ExitCode {
    OK(0, "done; the report is written"),
    INTERNAL(1, "unexpected internal error (a bug: please report it)"),
    USAGE(2, "wrong arguments or options"),
    NOT_A_REPOSITORY(3, "<repo> is not a git repository"),
    UNKNOWN_BRANCH(4, "the branch is not in the repository"),
    BAD_BUILDS_FILE(5, "the --builds file is unreadable or has a bad line"),
    BAD_RULES_FILE(6, "the --rules file is unreadable or has a bad line"),
    IO(7, "a file, git or the store could not be read or written"),
    BAD_CONFIG(8, "the --config file is unreadable or invalid"),
    UNREACHABLE(10, "a server could not be reached"),
    AUTH(11, "a server refused the credentials"),
    NOT_FOUND(12, "a job or repository does not exist on the server"),
    BAD_RESPONSE(13, "a server answered something that is not its API"),
    SERVER_ERROR(14, "a server kept failing after retries");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit code a failure maps to. */
    public static ExitCode of(Throwable failure) {
        if (failure instanceof CommandFailure command) {
            return command.exitCode();
        }
        if (failure instanceof NotAGitRepositoryException) {
            return NOT_A_REPOSITORY;
        }
        if (failure instanceof UnknownBranchException) {
            return UNKNOWN_BRANCH;
        }
        if (failure instanceof HarvestException harvest) {
            return switch (harvest.kind()) {
                case UNREACHABLE -> UNREACHABLE;
                case AUTH -> AUTH;
                case NOT_FOUND -> NOT_FOUND;
                case BAD_RESPONSE -> BAD_RESPONSE;
                case SERVER_ERROR -> SERVER_ERROR;
                case LOCAL -> IO;
            };
        }
        if (failure instanceof ConfigException) {
            return BAD_CONFIG;
        }
        if (failure instanceof BuildsFileException) {
            return BAD_BUILDS_FILE;
        }
        if (failure instanceof RulesFormatException) {
            return BAD_RULES_FILE;
        }
        if (failure instanceof RefreshException refresh) {
            return refresh.getCause() == null || refresh.getCause() == failure ? IO : of(refresh.getCause());
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            return IO;
        }
        return INTERNAL;
    }

    /** The codes as picocli lists them under "Exit codes" in a command's help. */
    public static Map<String, String> helpList(ExitCode... codes) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode code : codes) {
            list.put(String.format("%3d", code.code), code.meaning);
        }
        return list;
    }
}
