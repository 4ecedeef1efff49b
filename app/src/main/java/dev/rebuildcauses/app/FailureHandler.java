package dev.rebuildcauses.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns every failure into one line {@code rebuild-causes: <message>} on stderr and its {@link ExitCode}. */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String PREFIX = "rebuild-causes: ";

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        String suggestion = "";
        if (failure instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        print(command.getErr(), firstLine(failure.getMessage()) + suggestion + " (see '" + help + "')");
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        return report(failure, command.getErr());
    }

    /** Prints the one line for a failure of a command's run to {@code err} and returns its exit code. */
    static int report(Exception failure, PrintWriter err) {
        ExitCode code = ExitCode.of(failure);
        String message = code == ExitCode.INTERNAL
                ? "internal error: " + failure
                : failure instanceof UncheckedIOException unchecked
                        ? describe(unchecked.getCause())
                        : describe(failure);
        print(err, message);
        return code.code();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof IOException && (message == null || !message.contains(" "))) {
            // NoSuchFileException and friends carry only the path
            return failure.getClass().getSimpleName().replace("Exception", "") + ": " + message;
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static void print(PrintWriter err, String message) {
        err.println(PREFIX + firstLine(message));
        err.flush();
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
