package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.dockerfile.Dockerfile;
import dev.rebuildcauses.analysis.dockerfile.DockerfileParser;
import dev.rebuildcauses.analysis.dockerfile.Instruction;
import dev.rebuildcauses.analysis.dockerfile.InstructionDescriber;
import dev.rebuildcauses.analysis.dockerfile.ParseWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inspect-dockerfile FILE...}: shows what the advisor sees in each Dockerfile. */
@Command(
        name = "inspect-dockerfile",
        mixinStandardHelpOptions = true,
        description = {
            "Prints, per file, each instruction (line, instruction, what it installs or copies, whether it brings code"
                    + " or dependency manifests) and every parser warning.",
            "Exits 0 unless a file cannot be read (then 7)."
        })
public final class InspectDockerfileCommand implements Callable<Integer> {
    static final int CANNOT_READ = 7;
    private static final int SHOWN = 60;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dockerfiles to inspect.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("rebuild-causes: cannot read " + file + ": " + reason(e));
                exit = CANNOT_READ;
                continue;
            }
            print(out, file, DockerfileParser.parse(content));
        }
        out.flush();
        err.flush();
        return exit;
    }

    private static void print(PrintWriter out, Path file, Dockerfile parsed) {
        out.printf(
                "%s: %d instructions, %d stages, %d warnings%n",
                file,
                parsed.instructions().size(),
                parsed.stages().size(),
                parsed.warnings().size());
        if (!parsed.directives().isEmpty()) {
            out.println("  directives: "
                    + String.join(
                            ", ",
                            parsed.directives().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .sorted()
                                    .toList()));
        }
        for (Instruction instruction : parsed.instructions()) {
            String described = InstructionDescriber.describe(instruction);
            String line = String.format(
                    "  %4d  %-" + SHOWN + "s%s",
                    instruction.line(),
                    shown(instruction),
                    described.isEmpty() ? "" : "  " + described);
            out.println(line.stripTrailing());
        }
        for (ParseWarning warning : parsed.warnings()) {
            out.printf("  warning: %s:%d: %s%n", file, warning.line(), warning.message());
        }
    }

    private static String shown(Instruction instruction) {
        String text =
                (instruction.keyword() + " " + instruction.arguments()).strip().replaceAll("\\s+", " ");
        if (!instruction.heredocs().isEmpty()) {
            text += " (+" + instruction.heredocs().size() + " heredoc"
                    + (instruction.heredocs().size() > 1 ? "s" : "") + ")";
        }
        return text.length() > SHOWN ? text.substring(0, SHOWN - 1) + "…" : text;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
